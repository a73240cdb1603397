package io.chargebase.domain.receipts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.PaymentTransactions;
import io.chargebase.domain.charging.Cdrs;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.identity.Mailer;
import io.chargebase.domain.money.Money;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.TariffElement;
import io.chargebase.domain.receipts.internal.ReceiptRows;
import io.chargebase.domain.tariffs.Tariffs;
import io.chargebase.domain.vat.VatRates;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Issues receipts and credit notes. A receipt's number is the next of its kind's series, taken from the tenant's
 * counter row in the transaction that writes the receipt (see {@link ReceiptRows#nextNumber}), so numbers follow each
 * other without gaps even when an issue fails. A session is on at most one receipt (the database refuses a second
 * line), so a replayed event, a second monthly run or a race issue nothing more. Amounts are the ledger's: a line's
 * gross is the session's payable total at the currency's scale, its net the total excluding VAT at that scale, and its
 * VAT the difference ({@code SessionBilling} posts the same three figures). The receipt is mailed to the driver
 * through the outbox in the same transaction.
 */
@Service
public class Receipts {

    private final ReceiptRows rows;
    private final TenantCompany company;
    private final Cdrs cdrs;
    private final Tariffs tariffs;
    private final Profiles profiles;
    private final VatRates vat;
    private final PaymentTransactions payments;
    private final Tenants tenants;
    private final ReceiptMail mail;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Receipts(ReceiptRows rows, TenantCompany company, Cdrs cdrs, Tariffs tariffs, Profiles profiles, VatRates vat, PaymentTransactions payments,
            Tenants tenants, Mailer mailer, Clock clock, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.company = company;
        this.cdrs = cdrs;
        this.tariffs = tariffs;
        this.profiles = profiles;
        this.vat = vat;
        this.payments = payments;
        this.tenants = tenants;
        this.mail = new ReceiptMail(mailer);
        this.clock = clock;
        // joins the caller's transaction: a caller that rolls back takes the issue, and its number, back with it
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public ReceiptSettings settings() {
        return inTransaction(() -> rows.settings().orElse(ReceiptSettings.DEFAULTS));
    }

    public ReceiptSettings updateSettings(ReceiptSettings settings) {
        transactions.executeWithoutResult(status -> rows.saveSettings(settings));
        return settings;
    }

    public Optional<Receipt> find(UUID id) {
        return inTransaction(() -> rows.find(id));
    }

    /** Newest first; of one driver when {@code profileId} is given (row-level security narrows a driver to their own anyway). */
    public List<Receipt> list(UUID profileId, UUID after, int limit) {
        return inTransaction(() -> rows.list(profileId, after, limit));
    }

    /** The receipt of one rated session; none for a session of no driver or at no cost, or one already on a receipt. */
    public Optional<Receipt> issueForSession(UUID sessionId, UUID mspCdrId) {
        try {
            return inTransaction(() -> {
                if (rows.receiptOfSession(sessionId).isPresent()) {
                    return Optional.<Receipt>empty();
                }
                MspCdr cdr = cdrs.findMspCdr(mspCdrId).orElseThrow(() -> new IllegalStateException("No MSP CDR " + mspCdrId));
                if (cdr.profileId() == null || cdr.payableTotal() == null || cdr.payableTotal().signum() <= 0) {
                    return Optional.<Receipt>empty();
                }
                return Optional.of(issue(ReceiptKind.RECEIPT, cdr.profileId(), cdr.currency(), null, null, List.of(line(1, sessionId, cdr)), null, null));
            });
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
    }

    /**
     * A session on a receipt that was rated again ({@code mspCdrId}, the new version): a document for the difference to
     * what its receipt and earlier corrections charged, naming the receipt it corrects: a receipt when the session
     * costs more, a credit note (negative amounts) when less; nothing when it costs the same, or for a version
     * corrected before. A session on no receipt yet gets its receipt as usual (per session now, or the monthly one).
     */
    public Optional<Receipt> correctSession(UUID sessionId, UUID mspCdrId) {
        try {
            return inTransaction(() -> {
                Optional<ReceiptRows.Charged> charged = rows.chargedForSession(sessionId);
                if (charged.isEmpty()) {
                    return settings().mode() == ReceiptMode.PER_SESSION ? issueForSession(sessionId, mspCdrId) : Optional.<Receipt>empty();
                }
                if (rows.correctionIssued(mspCdrId)) {
                    return Optional.<Receipt>empty();
                }
                MspCdr cdr = cdrs.findMspCdr(mspCdrId).orElseThrow(() -> new IllegalStateException("No MSP CDR " + mspCdrId));
                if (cdr.profileId() == null) {
                    return Optional.<Receipt>empty();
                }
                ReceiptLine now = line(1, null, cdr);
                BigDecimal net = now.net().subtract(charged.get().net());
                BigDecimal tax = now.vat().subtract(charged.get().vat());
                BigDecimal gross = now.gross().subtract(charged.get().gross());
                if (net.signum() == 0 && tax.signum() == 0 && gross.signum() == 0) {
                    return Optional.<Receipt>empty();
                }
                ReceiptLine difference = new ReceiptLine(1, null, "Correction of charging session " + cdr.cdrNumber() + " (receipt "
                        + charged.get().numberText() + ")", cdr.start(), cdr.end(), cdr.totalEnergyKwh(), now.vatPercent(), net, tax, gross);
                Receipt issued = issue(gross.signum() > 0 ? ReceiptKind.RECEIPT : ReceiptKind.CREDIT_NOTE, cdr.profileId(), cdr.currency(), null, null,
                        List.of(difference), null, charged.get().receiptId());
                rows.markCorrection(issued.id(), sessionId, mspCdrId);
                return Optional.of(issued);
            });
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
    }

    /**
     * One receipt per driver for the sessions that ended in the month (the tenant's time zone) and are on no receipt
     * yet; each driver's in a transaction of its own. Running it again issues only what was rated since.
     */
    public List<Receipt> issueMonth(YearMonth month) {
        ZoneId zone = tenant().timeZone();
        LocalDate from = month.atDay(1);
        LocalDate until = month.plusMonths(1).atDay(1);
        List<ReceiptRows.Unreceipted> due = inTransaction(() -> rows.unreceipted(from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant()));
        Map<UUID, List<ReceiptRows.Unreceipted>> byDriver = new LinkedHashMap<>();
        due.forEach(session -> byDriver.computeIfAbsent(session.profileId(), key -> new ArrayList<>()).add(session));
        List<Receipt> issued = new ArrayList<>();
        byDriver.forEach((profileId, sessions) -> {
            try {
                issued.addAll(inTransaction(() -> {
                    // one receipt per currency the driver's sessions were priced in (normally just the tenant's)
                    Map<java.util.Currency, List<ReceiptLine>> lines = new LinkedHashMap<>();
                    for (ReceiptRows.Unreceipted session : sessions) {
                        MspCdr cdr = cdrs.findMspCdr(session.mspCdrId()).orElseThrow();
                        List<ReceiptLine> ofCurrency = lines.computeIfAbsent(cdr.currency(), key -> new ArrayList<>());
                        ofCurrency.add(line(ofCurrency.size() + 1, session.sessionId(), cdr));
                    }
                    return lines.entrySet().stream()
                            .map(entry -> issue(ReceiptKind.RECEIPT, profileId, entry.getKey(), from, until, entry.getValue(), null, null)).toList();
                }));
            } catch (DuplicateKeyException raced) {
                // a session of this driver got its receipt meanwhile (per-session mode switched on): the next run takes the rest
            }
        });
        return issued;
    }

    /** Last month's receipts as of {@code now} in the tenant's time zone, for the monthly job. */
    public List<Receipt> issueLastMonth(Instant now) {
        return issueMonth(YearMonth.from(now.atZone(tenant().timeZone())).minusMonths(1));
    }

    /**
     * A credit note for each refund posted to a driver that has none yet (at most {@code limit}, newest first). Its VAT
     * is the refunded session's rate when the refund names a session on a receipt (and the note names that receipt),
     * else the base VAT today, else none; the net is the refund taken out of VAT, half-up at the currency's scale.
     */
    public List<Receipt> issueCreditNotes(int limit) {
        List<PaymentTransactions.PaymentTransaction> refunds = inTransaction(() -> payments.list(
                new PaymentTransactions.Filter(null, null, Set.of(LedgerTransactionKind.REFUND), null, null), null, limit));
        List<Receipt> issued = new ArrayList<>();
        for (PaymentTransactions.PaymentTransaction refund : refunds) {
            if (refund.profileId() == null) {
                continue;
            }
            try {
                Receipt note = transactions.execute(status -> rows.creditNoteOf(refund.id()).isPresent() ? null : creditNote(refund));
                if (note != null) {
                    issued.add(note);
                }
            } catch (DuplicateKeyException raced) {
                // issued by a concurrent run
            }
        }
        return issued;
    }

    private Receipt creditNote(PaymentTransactions.PaymentTransaction refund) {
        Optional<Map.Entry<UUID, BigDecimal>> session = refund.sessionId() == null ? Optional.empty() : rows.sessionVat(refund.sessionId());
        BigDecimal percent = session.map(Map.Entry::getValue).orElseGet(() -> vat.basePercentToday().orElse(BigDecimal.ZERO));
        Money gross = refund.amount().rounded();
        Money net = new Money(gross.amount().multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(100).add(percent), 10, RoundingMode.HALF_UP),
                gross.currency()).rounded();
        ReceiptLine line = new ReceiptLine(1, null, refund.description(), refund.occurredAt(), null, null, percent,
                net.amount().negate(), gross.minus(net).amount().negate(), gross.amount().negate());
        return issue(ReceiptKind.CREDIT_NOTE, refund.profileId(), gross.currency(), null, null, List.of(line), refund.id(),
                session.map(Map.Entry::getKey).orElse(null));
    }

    private Receipt issue(ReceiptKind kind, UUID profileId, java.util.Currency currency, LocalDate from, LocalDate until, List<ReceiptLine> lines, UUID refundId, UUID credited) {
        Tenant tenant = tenant();
        CompanyDetails issuer = company.details().orElseGet(() -> new CompanyDetails(tenant.name(), null, null, null, null, null, null, null, null, null));
        Profile driver = profiles.find(profileId).orElseThrow(() -> new IllegalStateException("No profile " + profileId));
        BigDecimal net = lines.stream().map(ReceiptLine::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(ReceiptLine::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = lines.stream().map(ReceiptLine::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        // the number last: the counter row stays locked only for the inserts that follow
        long number = rows.nextNumber(kind);
        Receipt receipt = new Receipt(UUID.randomUUID(), kind, number, kind.numberText(number), profileId, from, until, clock.instant(), currency,
                net, tax, gross, issuer, driver.name(), driver.email() == null ? null : driver.email().value(), refundId, credited, lines);
        rows.insert(receipt);
        mail.send(receipt, tenant);
        return receipt;
    }

    private ReceiptLine line(int position, UUID sessionId, MspCdr cdr) {
        Money gross = new Money(cdr.payableTotal(), cdr.currency()).rounded();
        Money net = new Money(cdr.totalCostExclVat(), cdr.currency()).rounded();
        return new ReceiptLine(position, sessionId, "Charging session " + cdr.cdrNumber(), cdr.start(), cdr.end(), cdr.totalEnergyKwh(),
                vatPercentOf(cdr, net, gross), net.amount(), gross.minus(net).amount(), gross.amount());
    }

    /**
     * The VAT rate the session was priced at: its tariff version's (an operator's tariff has one rate for all prices).
     * An OCPI tariff with several rates gives the session's effective rate, to two decimals.
     */
    private BigDecimal vatPercentOf(MspCdr cdr, Money net, Money gross) {
        List<BigDecimal> rates = tariffs.version(cdr.tariffId(), cdr.tariffVersion()).tariff().elements().stream()
                .map(TariffElement::priceComponents).flatMap(List::stream).map(PriceComponent::vat)
                .map(rate -> rate == null ? BigDecimal.ZERO : rate.stripTrailingZeros()).distinct().toList();
        if (rates.size() == 1) {
            return rates.getFirst();
        }
        return net.amount().signum() == 0 ? BigDecimal.ZERO
                : gross.minus(net).amount().multiply(BigDecimal.valueOf(100)).divide(net.amount(), 2, RoundingMode.HALF_UP);
    }

    private Tenant tenant() {
        return tenants.get(TenantContext.requireTenant()).orElseThrow();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return Objects.requireNonNull(transactions.execute(status -> work.get()));
    }
}
