package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.Currency;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.money.Money;

/**
 * An amount an operator or a driver enters for a wallet: above zero, no finer than the tenant's currency's minor unit,
 * and in the tenant's currency (a currency named with it must be that one). Checked before anything is written.
 */
final class Amounts {

    private Amounts() {
    }

    static Money checked(String field, BigDecimal amount, String currency, Currency tenantCurrency) {
        return checked(field, amount, currency, tenantCurrency, false);
    }

    /** Like {@link #checked(String, BigDecimal, String, Currency)}, zero allowed (a bonus, a threshold). */
    static Money zeroOrMore(String field, BigDecimal amount, String currency, Currency tenantCurrency) {
        return checked(field, amount, currency, tenantCurrency, true);
    }

    private static Money checked(String field, BigDecimal amount, String currency, Currency tenantCurrency, boolean zeroAllowed) {
        if (currency != null && !currency.strip().equalsIgnoreCase(tenantCurrency.getCurrencyCode())) {
            throw new DomainException(ErrorCode.INVALID_CURRENCY, "currency", "Wallets are kept in the tenant's currency "
                    + tenantCurrency.getCurrencyCode() + ", not " + currency.strip() + ".");
        }
        if (amount == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "Give an amount.");
        }
        if (amount.signum() < 0 || (amount.signum() == 0 && !zeroAllowed)) {
            throw new DomainException(ErrorCode.INVALID, field, (zeroAllowed ? "An amount is zero or more; " : "An amount is above zero; ")
                    + amount.toPlainString() + " is not.");
        }
        if (amount.stripTrailingZeros().scale() > Money.scale(tenantCurrency)) {
            throw new DomainException(ErrorCode.INVALID, field, "An amount in " + tenantCurrency.getCurrencyCode() + " has at most "
                    + Money.scale(tenantCurrency) + " decimals.");
        }
        if (amount.precision() - amount.scale() > Posting.MAX_AMOUNT_DIGITS - Money.scale(tenantCurrency)) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, field, "The amount " + amount.toPlainString() + " is too large.");
        }
        return new Money(amount, tenantCurrency).rounded();
    }
}
