package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.billing.internal.VoucherRows;
import io.chargebase.domain.money.Money;
import io.chargebase.domain.organisation.ProfileActions;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * The manual's Vouchers and "Add to User's Balance". Admins create vouchers in bulk; a driver redeems one by its code
 * ({@link VoucherCodes}, 80 bits) into their wallet, once: redeeming is a single conditional update (not redeemed, not
 * expired), so of two drivers racing for a code the second waits on the first's row lock and then finds it taken.
 * An operator's top-up is, as in the manual, a voucher created and redeemed at once, its reason as the description
 * and the operator as its creator: the voucher listing, the wallet's history and the account's actions log
 * ({@link ProfileActions}) show it. Each redemption posts
 * once ({@code voucher:<id>}): the tenant's VOUCHERS or OPERATOR_TOP_UPS debited, the driver's wallet credited.
 */
@Service
@Transactional
public class Vouchers {

    /** At most this many vouchers per creation. */
    public static final int MAX_QUANTITY = 1000;

    /** Which vouchers to list; nulls match all; periods are [from, to). */
    public record Filter(Set<Voucher.Kind> kinds, Voucher.Status status, Instant createdFrom, Instant createdTo, Instant redeemedFrom,
            Instant redeemedTo, UUID redeemedBy) {
    }

    private final VoucherRows rows;
    private final Wallets wallets;
    private final Profiles profiles;
    private final ProfileActions actions;
    private final Tenants tenants;
    private final Clock clock;
    private final VoucherCodes codes = new VoucherCodes(new SecureRandom());

    Vouchers(VoucherRows rows, Wallets wallets, Profiles profiles, ProfileActions actions, Tenants tenants, Clock clock) {
        this.rows = rows;
        this.wallets = wallets;
        this.profiles = profiles;
        this.actions = actions;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Creates {@code quantity} vouchers of {@code amount} each, redeemable before the start of {@code redeemBefore} in
     * the tenant's time zone (a day after today's), with a description kept for the tenant's staff only.
     */
    public List<Voucher> create(int quantity, BigDecimal amount, String currency, LocalDate redeemBefore, String description, String createdBy) {
        Tenant tenant = tenant();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "quantity", "Create 1 to " + MAX_QUANTITY + " vouchers at a time.");
        }
        Money each = Amounts.checked("amount", amount, currency, tenant.currency());
        if (redeemBefore == null) {
            throw new DomainException(ErrorCode.REQUIRED, "redeemBefore", "Give the date before which the vouchers are redeemed.");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!redeemBefore.isAfter(LocalDate.ofInstant(now, tenant.timeZone()))) {
            throw new DomainException(ErrorCode.INVALID, "redeemBefore", "Vouchers redeemable before " + redeemBefore
                    + " would be expired already; pick a later day.");
        }
        String why = Text.optional("description", description, 500);
        Instant expiresAt = redeemBefore.atStartOfDay(tenant.timeZone()).toInstant();
        List<Voucher> created = new ArrayList<>(quantity);
        while (created.size() < quantity) {
            Voucher voucher = new Voucher(UUID.randomUUID(), codes.next(), Voucher.Kind.VOUCHER, each, redeemBefore, expiresAt, why, createdBy,
                    now, null, null);
            // a repeated code (chance 2^-80 per pair) is simply drawn again
            if (rows.insert(voucher)) {
                created.add(voucher);
            }
        }
        return created;
    }

    /** Redeems the voucher with the code into the driver's wallet; answers it redeemed. */
    public Voucher redeem(UUID profileId, String code) {
        String normalised = VoucherCodes.normalise(code)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "code", "No voucher has this code."));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Optional<Voucher> taken = rows.redeem(normalised, profileId, now);
        if (taken.isEmpty()) {
            Voucher found = rows.findByCode(normalised)
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "code", "No voucher has this code."));
            throw switch (found.status(now)) {
                case REDEEMED -> new DomainException(ErrorCode.ALREADY_USED, "code", "This voucher was redeemed already.");
                case EXPIRED -> new DomainException(ErrorCode.EXPIRED, "code", "This voucher expired on " + found.redeemBefore() + ".");
                case AVAILABLE -> new DomainException(ErrorCode.NOT_FOUND, "code", "No voucher has this code.");
            };
        }
        Voucher voucher = taken.get();
        if (!voucher.amount().currency().equals(wallets.currency())) {
            throw new DomainException(ErrorCode.INVALID_CURRENCY, "code", "This voucher is in " + voucher.amount().currency().getCurrencyCode()
                    + ", not the tenant's currency.");
        }
        wallets.credit(Posting.of(key(voucher), LedgerTransactionKind.VOUCHER, profileId, null, voucher.id().toString(),
                        "Voucher " + VoucherCodes.display(voucher.code()), now)
                .debit(LedgerAccount.VOUCHERS, voucher.amount()).credit(LedgerAccount.DRIVER_WALLET, voucher.amount()));
        return voucher;
    }

    /**
     * "Add to User's Balance": credits {@code amount} to the driver's wallet at once, for the operator's {@code reason}
     * (required), recorded as a redeemed voucher of kind OPERATOR_TOP_UP that names the operator.
     */
    public Voucher topUpByOperator(UUID profileId, BigDecimal amount, String currency, String reason, String operator) {
        Tenant tenant = tenant();
        Money credit = Amounts.checked("amount", amount, currency, tenant.currency());
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) {
            throw new DomainException(ErrorCode.REQUIRED, "reason", "Give a reason for the top-up; it is kept with it.");
        }
        why = Text.required("reason", why, 400);
        profiles.find(profileId).orElseThrow(() -> DomainException.notFound("profileId", "profile", profileId));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Voucher voucher = new Voucher(UUID.randomUUID(), codes.next(), Voucher.Kind.OPERATOR_TOP_UP, credit, null, null, why, operator, now,
                profileId, now);
        if (!rows.insert(voucher)) {
            throw new IllegalStateException("a fresh 80-bit code was taken");
        }
        wallets.credit(Posting.of(key(voucher), LedgerTransactionKind.OPERATOR_TOP_UP, profileId, null, voucher.id().toString(),
                        "Operator top-up: " + why, now)
                .debit(LedgerAccount.OPERATOR_TOP_UPS, credit).credit(LedgerAccount.DRIVER_WALLET, credit));
        actions.record(profileId, "OPERATOR_TOP_UP", "Added " + credit + " to the balance (voucher " + VoucherCodes.display(voucher.code()) + ")",
                why, operator);
        return voucher;
    }

    /**
     * Lists a bought top-up with the vouchers (the manual's Vouchers Listing shows them together): a voucher of kind
     * TOP_UP created redeemed by the driver. The wallet's credit is the payment's posting, not this row's.
     */
    void recordBoughtTopUp(UUID profileId, Money credit, String description, String createdBy, Instant at) {
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Voucher voucher = new Voucher(UUID.randomUUID(), codes.next(), Voucher.Kind.TOP_UP, credit, null, null, description, createdBy, now,
                profileId, now);
        if (!rows.insert(voucher)) {
            throw new IllegalStateException("a fresh 80-bit code was taken");
        }
    }

    /** Up to {@code limit} vouchers after the position {@code after}, newest first. */
    @Transactional(readOnly = true)
    public List<Voucher> list(Filter filter, String after, int limit) {
        if (filter.createdFrom() != null && filter.createdTo() != null && !filter.createdFrom().isBefore(filter.createdTo())) {
            throw new DomainException(ErrorCode.INVALID, "createdTo", "The period ends after it starts.");
        }
        if (filter.redeemedFrom() != null && filter.redeemedTo() != null && !filter.redeemedFrom().isBefore(filter.redeemedTo())) {
            throw new DomainException(ErrorCode.INVALID, "redeemedTo", "The period ends after it starts.");
        }
        return rows.list(filter, clock.instant(), after, limit);
    }

    /** The position of a voucher in the list, for the next page's {@code after}. */
    public static String positionOf(Voucher voucher) {
        return voucher.createdAt().toEpochMilli() * 1000 + "|" + voucher.id();
    }

    private static String key(Voucher voucher) {
        return "voucher:" + voucher.id();
    }

    private Tenant tenant() {
        return tenants.get(TenantContext.requireTenant()).orElseThrow();
    }
}
