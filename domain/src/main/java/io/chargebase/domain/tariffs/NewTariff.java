package io.chargebase.domain.tariffs;

import java.util.Currency;

import io.chargebase.domain.rating.StopLimits;

/** What an operator gives to create a tariff, or to change one (a change writes the next version). */
public record NewTariff(String name, Currency currency, TariffPricing pricing, TariffInfo info, StopLimits stopLimits,
        TariffAudience audience) {
}
