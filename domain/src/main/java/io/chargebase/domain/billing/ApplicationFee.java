package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.money.Money;

/**
 * The platform's fee on each of a tenant's card payments (Stripe Connect's {@code application_fee_amount}): a
 * percentage of the amount paid plus a fixed amount in the tenant's currency. It is the platform's money, so the
 * platform operator sets it; a tenant without one pays none.
 */
public record ApplicationFee(BigDecimal percent, BigDecimal fixedAmount) {

    public static final ApplicationFee NONE = new ApplicationFee(BigDecimal.ZERO, BigDecimal.ZERO);

    /** The fee as kept: a percentage of 0 to 100 with at most two decimals, a fixed amount of at least zero at the currency's scale. */
    public ApplicationFee validated(Currency currency) {
        BigDecimal percentage = percent == null ? BigDecimal.ZERO : percent;
        BigDecimal fixed = fixedAmount == null ? BigDecimal.ZERO : fixedAmount;
        if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "percent", "The fee's percentage is between 0 and 100.");
        }
        if (percentage.stripTrailingZeros().scale() > 2) {
            throw new DomainException(ErrorCode.INVALID, "percent", "The fee's percentage has at most 2 decimals.");
        }
        if (fixed.signum() < 0) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "fixedAmount", "The fee's fixed amount is at least zero.");
        }
        if (fixed.stripTrailingZeros().scale() > Money.scale(currency)) {
            throw new DomainException(ErrorCode.INVALID, "fixedAmount", "An amount in " + currency.getCurrencyCode() + " has at most "
                    + Money.scale(currency) + " decimals.");
        }
        return new ApplicationFee(percentage.setScale(2, RoundingMode.UNNECESSARY), new Money(fixed, currency).rounded().amount());
    }

    /**
     * The fee on a payment of {@code paid}: the percentage rounded half up at the currency's scale, plus the fixed amount,
     * never more than what is paid (Stripe refuses a fee above the amount). Null when there is none.
     */
    public Money on(Money paid) {
        Currency currency = paid.currency();
        BigDecimal share = paid.amount().multiply(percent).divide(BigDecimal.valueOf(100), Money.scale(currency), RoundingMode.HALF_UP);
        BigDecimal fee = share.add(fixedAmount).min(paid.amount());
        return fee.signum() > 0 ? new Money(fee, currency).rounded() : null;
    }
}
