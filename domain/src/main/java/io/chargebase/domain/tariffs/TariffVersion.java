package io.chargebase.domain.tariffs;

import java.time.Instant;
import java.util.UUID;

import io.chargebase.domain.rating.RatingRules;
import io.chargebase.domain.rating.StopLimits;
import io.chargebase.domain.rating.Tariff;

/**
 * One version of a tariff's prices, never changed once written: the operator's definition, the OCPI tariff it
 * compiled into, what drivers read about it, and the limits at which a session stops. {@code pricesIncludeVat} says
 * the definition's prices were entered including VAT (the OCPI tariff has them without, see
 * {@link io.chargebase.domain.money.VatIncluded}).
 */
public record TariffVersion(UUID tariffId, int version, TariffPricing pricing, Tariff tariff, TariffInfo info, StopLimits stopLimits,
        String createdBy, Instant createdAt, boolean pricesIncludeVat) {

    /** A version whose prices were entered excluding VAT. */
    public TariffVersion(UUID tariffId, int version, TariffPricing pricing, Tariff tariff, TariffInfo info, StopLimits stopLimits,
            String createdBy, Instant createdAt) {
        this(tariffId, version, pricing, tariff, info, stopLimits, createdBy, createdAt, false);
    }

    /** How the rating engine reads {@link #tariff()}: OCPI's per-period semantics, or the operator type's (power levels, idle fee). */
    public RatingRules ratingRules() {
        return pricing == null ? RatingRules.OCPI : TariffCompiler.rules(pricing);
    }
}
