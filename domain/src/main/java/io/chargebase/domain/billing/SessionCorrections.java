package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.charging.Cdrs;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.charging.SessionCorrected;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Settles a session that was rated again ({@link SessionCorrected}: its charger's StopTransaction came after the
 * platform had finished it after inactivity): the difference between the new MSP CDR version and what the session's
 * postings charged so far is posted once per version ({@code session-correction:<MSP CDR>}), never the session
 * again. More owed is debited to the driver's receivable and paid as the session was: from the wallet under the
 * balance strategy (the rest by card unless cards may not pay directly), by an off-session card payment under the card
 * strategies, left outstanding without a payment strategy. Less owed is credited to the driver's wallet, where it
 * pays later sessions. Revenue and VAT payable move by their own differences. A session never posted (nothing was
 * owed before) is posted now as usual.
 */
@Component
class SessionCorrections {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCorrections.class);

    private final Cdrs cdrs;
    private final Ledger ledger;
    private final BillingStrategies strategies;
    private final CardPayments payments;
    private final PaymentCustomerRows customers;
    private final SessionBilling billing;
    private final TransactionTemplate transactions;

    SessionCorrections(Cdrs cdrs, Ledger ledger, BillingStrategies strategies, CardPayments payments,
            PaymentCustomerRows customers, SessionBilling billing, PlatformTransactionManager transactionManager) {
        this.cdrs = cdrs;
        this.ledger = ledger;
        this.strategies = strategies;
        this.payments = payments;
        this.customers = customers;
        this.billing = billing;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionCorrected corrected) {
        try {
            TenantContext.runAs(TenantScope.of(corrected.tenantId()), () -> settle(corrected.sessionId(), corrected.mspCdrId()));
        } catch (RuntimeException failed) {
            LOG.error("Correction of session {} of tenant {} not posted (posting it again is safe)", corrected.sessionId(), corrected.tenantId(),
                    failed);
        }
    }

    /** Posts the difference the session's MSP CDR {@code mspCdrId} makes, in the current tenant scope; the posting, if any. */
    Optional<Ledger.Posted> settle(UUID sessionId, UUID mspCdrId) {
        record Outcome(boolean neverPosted, Ledger.Posted posted) {
        }
        Outcome outcome = transactions.execute(status -> {
            MspCdr cdr = cdrs.findMspCdr(mspCdrId).orElseThrow(() -> new IllegalStateException("No MSP CDR " + mspCdrId));
            if (cdr.profileId() == null) {
                return new Outcome(false, null);
            }
            // one settlement of a session at a time: the difference is taken against what is posted, so two must not both see the same
            ledger.lock(SessionBilling.keyOf(sessionId));
            List<LedgerTransaction> before = ledger.ofSession(sessionId).stream()
                    .filter(t -> t.kind() == LedgerTransactionKind.SESSION || t.kind() == LedgerTransactionKind.SESSION_CORRECTION).toList();
            if (before.stream().noneMatch(t -> t.kind() == LedgerTransactionKind.SESSION)) {
                return new Outcome(true, null);
            }
            Posting correction = correctionOf(sessionId, cdr, before);
            if (correction == null) {
                return new Outcome(false, null);
            }
            Ledger.Posted posted = ledger.post(correction);
            Money more = owedMore(correction);
            if (posted.posted() && more.amount().signum() > 0) {
                pay(cdr, sessionId, more);
            }
            return new Outcome(false, posted);
        });
        if (outcome.neverPosted()) {
            return billing.post(sessionId, mspCdrId);
        }
        return Optional.ofNullable(outcome.posted());
    }

    private void pay(MspCdr cdr, UUID sessionId, Money more) {
        StrategySettings settings = strategies.current();
        Money byCard;
        if (settings.strategy() == BillingStrategy.BALANCE_OR_PAYMENT_METHOD) {
            byCard = billing.walletFirst(settings, cdr.profileId(), more, "wallet-correction:" + cdr.id(), sessionId,
                    "Correction of charging session " + cdr.cdrNumber());
        } else if (settings.strategy().requiresCard() && customers.customerOf(cdr.profileId()).isPresent()) {
            byCard = more;
        } else {
            return;
        }
        if (byCard.amount().signum() > 0) {
            payments.recordCorrectionPayment(sessionId, cdr.profileId(), byCard, cdr.id());
        }
    }

    /**
     * The posting that brings what the session was charged ({@code before}: its SESSION and earlier SESSION_CORRECTION
     * transactions) to what {@code cdr} says, at the currency's precision; {@code null} when nothing differs.
     */
    static Posting correctionOf(UUID sessionId, MspCdr cdr, List<LedgerTransaction> before) {
        Money payable = new Money(cdr.payableTotal(), cdr.currency()).rounded();
        Money net = new Money(cdr.totalCostExclVat(), cdr.currency()).rounded();
        Money vat = payable.minus(net);
        // charged: owed on the receivable, less what earlier corrections gave back to the wallet (its credits are negative)
        Money charged = sum(before, LedgerAccount.DRIVER_RECEIVABLE, cdr).plus(sum(before, LedgerAccount.DRIVER_WALLET, cdr));
        Money earned = sum(before, LedgerAccount.REVENUE, cdr).negate();
        Money taxed = sum(before, LedgerAccount.VAT_PAYABLE, cdr).negate();
        Money owed = payable.minus(charged).rounded();
        Money revenue = net.minus(earned).rounded();
        Money tax = vat.minus(taxed).rounded();
        if (owed.amount().signum() == 0 && revenue.amount().signum() == 0 && tax.amount().signum() == 0) {
            return null;
        }
        Posting posting = Posting.of("session-correction:" + cdr.id(), LedgerTransactionKind.SESSION_CORRECTION, cdr.profileId(), sessionId,
                cdr.cdrNumber(), "Correction of charging session " + cdr.cdrNumber(), cdr.end());
        posting = owed.amount().signum() > 0 ? debited(posting, LedgerAccount.DRIVER_RECEIVABLE, owed) : debited(posting, LedgerAccount.DRIVER_WALLET, owed);
        posting = debited(posting, LedgerAccount.REVENUE, revenue.negate());
        return debited(posting, LedgerAccount.VAT_PAYABLE, tax.negate());
    }

    /** What the correction adds to the driver's receivable (zero when it gives back). */
    static Money owedMore(Posting correction) {
        return correction.entries().stream().filter(entry -> entry.account() == LedgerAccount.DRIVER_RECEIVABLE).map(Posting.Entry::amount)
                .reduce(Money::plus).orElse(Money.zero(correction.entries().getFirst().amount().currency()));
    }

    /** The posting with {@code amount} (positive: a debit, negative: a credit) on the account; as it was for zero. */
    private static Posting debited(Posting posting, LedgerAccount account, Money amount) {
        int sign = amount.amount().signum();
        return sign > 0 ? posting.debit(account, amount) : sign < 0 ? posting.credit(account, amount.negate()) : posting;
    }

    private static Money sum(List<LedgerTransaction> transactions, LedgerAccount account, MspCdr cdr) {
        BigDecimal total = transactions.stream().flatMap(t -> t.entries().stream()).filter(entry -> entry.account() == account)
                .map(entry -> entry.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Money(total, cdr.currency());
    }
}
