package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.Currency;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.money.Money;

/**
 * A tenant's billing strategy with its amounts, in the tenant's currency. For {@link BillingStrategy#PRE_AUTHORISE}:
 * the amount held at the start and, optionally, how close the running cost may come to it before the session is
 * stopped (the manual's "Stop when pre-authorisation amount falls below"; null: the session is not stopped for it).
 * For {@link BillingStrategy#BALANCE_OR_PAYMENT_METHOD}: whether cards may not pay sessions directly ({@code balanceOnly},
 * the manual's "Do not allow direct use of payment method"), the balance a start needs ({@code minimumBalance}; null:
 * any balance above the auto-stop amount) and the available balance at which a session paid from the wallet is
 * stopped ({@code autoStopBelow}; null: it is not stopped for it).
 */
public record StrategySettings(BillingStrategy strategy, BigDecimal preAuthoriseAmount, BigDecimal stopBelow, boolean balanceOnly,
        BigDecimal minimumBalance, BigDecimal autoStopBelow) {

    /** Without a choice of its own a tenant requires no payment: charging works before Stripe is set up. */
    public static final StrategySettings DEFAULTS = new StrategySettings(BillingStrategy.NO_PAYMENT_REQUIRED, null, null);

    /** Settings of a strategy that does not use the wallet. */
    public StrategySettings(BillingStrategy strategy, BigDecimal preAuthoriseAmount, BigDecimal stopBelow) {
        this(strategy, preAuthoriseAmount, stopBelow, false, null, null);
    }

    /** The wallet strategy's settings. */
    public static StrategySettings balance(boolean balanceOnly, BigDecimal minimumBalance, BigDecimal autoStopBelow) {
        return new StrategySettings(BillingStrategy.BALANCE_OR_PAYMENT_METHOD, null, null, balanceOnly, minimumBalance, autoStopBelow);
    }

    /** The settings as kept: amounts only where the strategy uses them, at the currency's scale; refused when they do not fit. */
    public StrategySettings validated(Currency currency) {
        if (strategy == null) {
            throw new DomainException(ErrorCode.REQUIRED, "strategy", "A billing strategy is required.");
        }
        if (strategy != BillingStrategy.BALANCE_OR_PAYMENT_METHOD && (balanceOnly || minimumBalance != null || autoStopBelow != null)) {
            throw new DomainException(ErrorCode.INVALID, minimumBalance != null ? "minimumBalance" : autoStopBelow != null ? "autoStopBelow" : "balanceOnly",
                    "The balance settings are set only for the balance strategy.");
        }
        if (strategy == BillingStrategy.BALANCE_OR_PAYMENT_METHOD) {
            return balanceValidated(currency);
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

    private StrategySettings balanceValidated(Currency currency) {
        if (preAuthoriseAmount != null || stopBelow != null) {
            throw new DomainException(ErrorCode.INVALID, "preAuthoriseAmount", "Amounts are held only under the pre-authorising strategy.");
        }
        BigDecimal minimum = minimumBalance == null ? null : amount("minimumBalance", minimumBalance, currency);
        if (minimum != null && minimum.signum() < 0) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "minimumBalance", "The minimum balance is zero or more.");
        }
        BigDecimal stop = autoStopBelow == null ? null : amount("autoStopBelow", autoStopBelow, currency);
        if (stop != null && stop.signum() < 0) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "autoStopBelow", "The auto-stop amount is zero or more.");
        }
        if (minimum != null && stop != null && minimum.compareTo(stop) <= 0) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "minimumBalance",
                    "The minimum balance to start is above the auto-stop amount, or every session would stop at once.");
        }
        return balance(balanceOnly, minimum, stop);
    }

    /** The amount held at a start, in {@code currency}. */
    public Money held(Currency currency) {
        return new Money(preAuthoriseAmount, currency);
    }

    /**
     * Whether a wallet holding {@code balance} is enough to start under the balance strategy: at least the minimum
     * balance when one is set, and above the auto-stop amount (above zero without one).
     */
    public boolean enoughToStart(Money balance) {
        BigDecimal floor = autoStopBelow == null ? BigDecimal.ZERO : autoStopBelow;
        return balance.amount().compareTo(floor) > 0 && (minimumBalance == null || balance.amount().compareTo(minimumBalance) >= 0);
    }

    private static BigDecimal amount(String field, BigDecimal amount, Currency currency) {
        if (amount.stripTrailingZeros().scale() > Money.scale(currency)) {
            throw new DomainException(ErrorCode.INVALID, field, "An amount in " + currency.getCurrencyCode() + " has at most "
                    + Money.scale(currency) + " decimals.");
        }
        return new Money(amount, currency).rounded().amount();
    }
}
