package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price of one dimension in a tariff element. {@code price} is per unit excluding VAT (per kWh, per hour, or per
 * session for FLAT); {@code vat} is a percentage, null when no VAT applies (rated as 0 %, as OCPI CDRs do);
 * {@code stepSize} is the billing block in Wh or seconds. Values are checked by {@link Tariff}, which knows the path.
 */
public record PriceComponent(Dimension type, BigDecimal price, BigDecimal vat, int stepSize) {

    public PriceComponent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(price, "price");
    }

    public static PriceComponent of(Dimension type, String price, String vat, int stepSize) {
        return new PriceComponent(type, new BigDecimal(price), vat == null ? null : new BigDecimal(vat), stepSize);
    }
}
