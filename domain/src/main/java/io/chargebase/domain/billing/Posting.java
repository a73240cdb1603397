package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.money.Money;

/**
 * A ledger transaction to post: its idempotency key (the cause, e.g. {@code session:<msp cdr id>}; posting the same
 * key again posts nothing), what it is, whom it concerns, and its entries. Built with {@link #debit} and {@link #credit},
 * each taking a positive amount at its currency's precision; it is valid only when it balances in every currency.
 */
public record Posting(String idempotencyKey, LedgerTransactionKind kind, UUID profileId, UUID sessionId, String reference,
        String description, Instant occurredAt, List<Entry> entries) {

    static final int MAX_AMOUNT_DIGITS = 10;

    /** One leg: a signed amount on an account, positive for a debit, negative for a credit. */
    public record Entry(LedgerAccount account, UUID profileId, Money amount) {
    }

    public Posting {
        entries = List.copyOf(entries);
    }

    public static Posting of(String idempotencyKey, LedgerTransactionKind kind, UUID profileId, UUID sessionId, String reference,
            String description, Instant occurredAt) {
        return new Posting(idempotencyKey, kind, profileId, sessionId, reference, description, occurredAt, List.of());
    }

    /** This posting with a debit of {@code amount} on the account (the driver's, for a per-driver account). */
    public Posting debit(LedgerAccount account, Money amount) {
        return with(account, positive(amount));
    }

    /** This posting with a credit of {@code amount} on the account. */
    public Posting credit(LedgerAccount account, Money amount) {
        Money checked = positive(amount);
        return with(account, new Money(checked.amount().negate(), checked.currency()));
    }

    /**
     * Refuses a posting that could not be posted: no key, no kind, fewer than two entries, an entry at an account kept
     * per driver without a driver, or entries that do not sum to zero in some currency.
     */
    public Posting validated() {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new DomainException(ErrorCode.REQUIRED, "idempotencyKey", "A posting names its cause in an idempotency key of at most 200 characters.");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Text.required("description", description, 500);
        if (entries.size() < 2) {
            throw new DomainException(ErrorCode.INVALID, "entries", "A ledger transaction has at least two entries.");
        }
        Map<Currency, BigDecimal> sums = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.account().perDriver() && entry.profileId() == null) {
                throw new DomainException(ErrorCode.REQUIRED, "profileId", "A " + entry.account() + " entry names the driver's profile.");
            }
            sums.merge(entry.amount().currency(), entry.amount().amount(), BigDecimal::add);
        }
        sums.forEach((currency, sum) -> {
            if (sum.signum() != 0) {
                throw new DomainException(ErrorCode.INVALID, "entries", "The entries do not balance: they sum to " + sum.toPlainString() + " "
                        + currency.getCurrencyCode() + ".");
            }
        });
        return this;
    }

    private Posting with(LedgerAccount account, Money amount) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(new Entry(Objects.requireNonNull(account, "account"), account.perDriver() ? profileId : null, amount));
        return new Posting(idempotencyKey, kind, profileId, sessionId, reference, description, occurredAt, more);
    }

    /** Amounts are positive and no finer than the currency's minor unit: a ledger does not hold fractions of a cent. */
    static Money positive(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.amount().signum() <= 0) {
            throw new DomainException(ErrorCode.INVALID, "amount", "An amount to post is above zero; " + amount + " is not.");
        }
        Decimals.within("amount", amount.amount(), MAX_AMOUNT_DIGITS, Math.max(amount.currency().getDefaultFractionDigits(), 0));
        return amount;
    }
}
