package io.chargebase.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price entered including VAT, turned into the OCPI model's price excluding VAT plus the rate.
 *
 * <p>The rounding rule: the price excluding VAT is {@code p × 100 / (100 + r)} rounded <em>up</em> (towards +∞) to
 * {@value #SCALE} decimal places, the most an OCPI price carries here ({@code TariffRules}); a rate of 0 leaves the
 * price as entered. Rounding up means that VAT added back ({@code excl + excl × r / 100}, as the rating engine does)
 * is never below the entered price, and exceeds it by less than {@code 2·10⁻⁸} per unit (kWh, hour, session). A
 * session's payable total is rounded half-up once at the currency's scale, so it is exactly what the entered prices
 * give whenever that excess, times the quantity, stays below the distance from the exact amount up to the next
 * rounding boundary: always for an amount lying on a boundary (0.35 incl. 21 % × 1.5 kWh = 0.525 → 0.53 EUR, where
 * rounding the excluded price down would pay 0.52), for every flat price, and for energy below 500 kWh at prices of
 * 2 decimals. Time billed per second is a fraction of an hour without a finite decimal expansion; there the
 * engine's own precision decides, as it does for prices entered excluding VAT.
 */
public final class VatIncluded {

    /** Decimal places of a price excluding VAT derived from one entered including VAT. */
    public static final int SCALE = 8;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VatIncluded() {
    }

    /** The price excluding VAT of {@code inclVat} at {@code percent}; null stays null. */
    public static BigDecimal exclusive(BigDecimal inclVat, BigDecimal percent) {
        if (inclVat == null || percent == null || percent.signum() == 0) {
            return inclVat;
        }
        BigDecimal exclVat = inclVat.multiply(HUNDRED).divide(HUNDRED.add(percent), SCALE, RoundingMode.CEILING).stripTrailingZeros();
        return exclVat.scale() < 0 ? exclVat.setScale(0) : exclVat;
    }
}
