package io.chargebase.domain;

import java.math.BigDecimal;

/**
 * Range checks of the numbers commands carry, made before anything is written, so that a number too large for its
 * column is the caller's typed error on its field rather than a numeric overflow in the database.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * The value (null stays null), or a refusal naming {@code field} when its magnitude reaches {@code 10^digits}
     * (more than {@code digits} digits before the decimal point) or it has more than {@code scale} decimal places.
     */
    public static BigDecimal within(String field, BigDecimal value, int digits, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.precision() - exact.scale() > digits) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, field, "At most " + digits + " digits before the decimal point: "
                    + "the value lies below " + BigDecimal.TEN.pow(digits).toPlainString() + ", not " + shown(value) + ".");
        }
        if (exact.scale() > scale) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, field, "At most " + scale + " decimal places, not " + exact.scale() + ".");
        }
        return value;
    }

    private static String shown(BigDecimal value) {
        return value.precision() - value.scale() > 30 ? value.toString() : value.toPlainString();
    }
}
