package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount excluding VAT and, when known, including it. {@code inclVat} is null only where OCPI allows it to be
 * absent (a tariff's min_price or max_price); rated costs always carry both. Amounts keep full precision.
 */
public record Price(BigDecimal exclVat, BigDecimal inclVat) {

    public static final Price ZERO = new Price(BigDecimal.ZERO, BigDecimal.ZERO);

    public Price {
        Objects.requireNonNull(exclVat, "exclVat");
    }

    public static Price of(String exclVat, String inclVat) {
        return new Price(new BigDecimal(exclVat), inclVat == null ? null : new BigDecimal(inclVat));
    }

    public Price plus(Price other) {
        return new Price(exclVat.add(other.exclVat), inclVat == null || other.inclVat == null ? null : inclVat.add(other.inclVat));
    }

    /** Both amounts at {@code scale} decimals, half-up: 4 for comparing with OCPI CDRs, the currency's for invoices. */
    public Price atScale(int scale) {
        return new Price(exclVat.setScale(scale, RoundingMode.HALF_UP),
                inclVat == null ? null : inclVat.setScale(scale, RoundingMode.HALF_UP));
    }
}
