package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of the session with constant pricing conditions, from {@code start} until the next period starts (or the
 * session ends). As OCPI requires of CPOs, a new period starts whenever a tariff restriction may change.
 */
public record ChargingPeriod(Instant start, List<CdrDimension> dimensions) {

    public ChargingPeriod {
        Objects.requireNonNull(start, "start");
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    public static ChargingPeriod of(Instant start, CdrDimension... dimensions) {
        return new ChargingPeriod(start, List.of(dimensions));
    }

    /** The volume of {@code type} in this period, or null when it was not measured. */
    public BigDecimal volume(CdrDimensionType type) {
        for (CdrDimension dimension : dimensions) {
            if (dimension.type() == type) {
                return dimension.volume();
            }
        }
        return null;
    }
}
