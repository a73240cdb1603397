package io.chargebase.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. Arithmetic keeps full precision (tariffs price fractions of a kWh); {@link #rounded()}
 * brings an amount to the currency's minor unit with half-up rounding, as invoices and payment providers expect.
 * Adding or comparing amounts of different currencies is an error, never a silent conversion.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** An amount given in the currency's minor unit, e.g. cents from a payment provider. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scale(currency)), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** The amount at the currency's precision (2 decimals for EUR, 0 for JPY), half-up. */
    public Money rounded() {
        return new Money(amount.setScale(scale(currency), RoundingMode.HALF_UP), currency);
    }

    /** The rounded amount in minor units, as payment providers take it: 12.345 EUR → 1235. */
    public long minorUnits() {
        return rounded().amount.movePointRight(scale(currency)).longValueExact();
    }

    /** This amount, taken to exclude VAT at the given percentage, with the VAT added: 10.00 at 21% → 12.10. */
    public Money withVat(BigDecimal percentage) {
        return times(BigDecimal.ONE.add(percentage.movePointLeft(2)));
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    /** Equal amounts in the same currency are equal whatever their scale: 1.5 EUR equals 1.50 EUR. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && currency.equals(money.currency) && amount.compareTo(money.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + this + " with " + other + ": different currencies");
        }
        return other;
    }

    /** The currency's number of decimals (java.util.Currency's default fraction digits): 2 for EUR, 0 for JPY, 3 for BHD. */
    public static int scale(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
