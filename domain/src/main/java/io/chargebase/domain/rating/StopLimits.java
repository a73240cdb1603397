package io.chargebase.domain.rating;

import java.math.BigDecimal;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * When a session is stopped: after {@code maxMinutes} or once {@code maxKwh} is reached (null: no limit). Carried with
 * an {@link OperatorTariff} for the charging context to enforce; it does not change the price.
 */
public record StopLimits(Integer maxMinutes, BigDecimal maxKwh) {

    public static final StopLimits NONE = new StopLimits(null, null);

    public StopLimits {
        if (maxMinutes != null && maxMinutes <= 0) {
            throw new DomainException(ErrorCode.INVALID, "maxMinutes", "A session time limit must be positive.");
        }
        if (maxKwh != null && maxKwh.signum() <= 0) {
            throw new DomainException(ErrorCode.INVALID, "maxKwh", "An energy limit must be positive.");
        }
        Decimals.within("maxKwh", maxKwh, 7, 3);
    }
}
