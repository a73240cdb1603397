package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.util.Objects;

/** One measured value of a charging period. */
public record CdrDimension(CdrDimensionType type, BigDecimal volume) {

    public CdrDimension {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(volume, "volume");
    }

    public static CdrDimension of(CdrDimensionType type, String volume) {
        return new CdrDimension(type, new BigDecimal(volume));
    }
}
