package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.Currency;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.money.Money;

/**
 * A tenant's billing strategy with its amounts, in the tenant's currency: for {@link BillingStrategy#PRE_AUTHORISE}
 * the amount held at the start and, optionally, how close the running cost may come to it before the session is
 * stopped (the manual's "Stop when pre-authorisation amount falls below"; null: the session is not stopped for it).
 */
public record StrategySettings(BillingStrategy strategy, BigDecimal preAuthoriseAmount, BigDecimal stopBelow) {

    /** Without a choice of its own a tenant requires no payment: charging works before Stripe is set up. */
    public static final StrategySettings DEFAULTS = new StrategySettings(BillingStrategy.NO_PAYMENT_REQUIRED, null, null);

    /** The settings as kept: amounts only where the strategy uses them, at the currency's scale; refused when they do not fit. */
    public StrategySettings validated(Currency currency) {
        if (strategy == null) {
            throw new DomainException(ErrorCode.REQUIRED, "strategy", "A billing strategy is required.");
        }
        if (strategy != BillingStrategy.PRE_AUTHORISE) {
            if (preAuthoriseAmount != null || stopBelow != null) {
                throw new DomainException(ErrorCode.INVALID, "preAuthoriseAmount", "Amounts are set only for the pre-authorising strategy.");
            }
            return this;
        }
        if (preAuthoriseAmount == null) {
            throw new DomainException(ErrorCode.REQUIRED, "preAuthoriseAmount", "The pre-authorising strategy needs the amount to hold.");
        }
        BigDecimal held = amount("preAuthoriseAmount", preAuthoriseAmount, currency);
        if (held.signum() <= 0) {
            throw new DomainException(ErrorCode.INVALID, "preAuthoriseAmount", "The amount held is above zero.");
        }
        BigDecimal below = stopBelow == null ? null : amount("stopBelow", stopBelow, currency);
        if (below != null && (below.signum() < 0 || below.compareTo(held) >= 0)) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "stopBelow", "The stop threshold is at least zero and below the amount held.");
        }
        return new StrategySettings(strategy, held, below);
    }

    /** The amount held at a start, in {@code currency}. */
    public Money held(Currency currency) {
        return new Money(preAuthoriseAmount, currency);
    }

    private static BigDecimal amount(String field, BigDecimal amount, Currency currency) {
        if (amount.stripTrailingZeros().scale() > Money.scale(currency)) {
            throw new DomainException(ErrorCode.INVALID, field, "An amount in " + currency.getCurrencyCode() + " has at most "
                    + Money.scale(currency) + " decimals.");
        }
        return new Money(amount, currency).rounded().amount();
    }
}
