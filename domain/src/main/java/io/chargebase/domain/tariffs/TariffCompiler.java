package io.chargebase.domain.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.money.VatIncluded;
import io.chargebase.domain.rating.json.OcpiTariffJson;
import io.chargebase.domain.rating.OperatorTariff;
import io.chargebase.domain.rating.RatingRules;
import io.chargebase.domain.rating.Tariff;

/** Turns the operator's pricing into the OCPI tariff the rating engine prices with. */
final class TariffCompiler {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private TariffCompiler() {
    }

    /** How the engine reads what {@link #compile} makes of this pricing: OCPI JSON as OCPI says, the operator's types as the manual does. */
    static RatingRules rules(TariffPricing pricing) {
        if (pricing.kind() == TariffKind.OCPI) {
            return RatingRules.OCPI;
        }
        return withIdleFee(pricing, operator(pricing)).rules();
    }

    static Tariff compile(TariffPricing pricing, Currency currency) {
        return compile(pricing, currency, null);
    }

    /**
     * Compiles the pricing; with {@code inclVatPercent} given, the operator's prices include VAT at that rate (the
     * pricing's own {@code vatPercent} when it has one) and are compiled into prices excluding it by {@link
     * VatIncluded}'s rounding rule. An OCPI tariff is OCPI's model already (prices excluding VAT) and is taken as it is.
     */
    static Tariff compile(TariffPricing pricing, Currency currency, BigDecimal inclVatPercent) {
        if (pricing.kind() == TariffKind.OCPI) {
            Tariff tariff = OcpiTariffJson.parse(pricing.ocpiTariff());
            if (!tariff.currency().equals(currency)) {
                throw new DomainException(ErrorCode.INVALID_CURRENCY, "pricing.ocpiJson",
                        "The OCPI tariff is in " + tariff.currency() + ", the tariff in " + currency + ".");
            }
            return tariff;
        }
        if (inclVatPercent == null) {
            return withIdleFee(pricing, operator(pricing)).compile(currency, pricing.vatPercent());
        }
        UnaryOperator<BigDecimal> exclVat = price -> VatIncluded.exclusive(price, inclVatPercent);
        return withIdleFee(pricing, operator(pricing, exclVat), exclVat).compile(currency, inclVatPercent);
    }

    private static OperatorTariff withIdleFee(TariffPricing pricing, OperatorTariff operator) {
        return withIdleFee(pricing, operator, UnaryOperator.identity());
    }

    private static OperatorTariff withIdleFee(TariffPricing pricing, OperatorTariff operator, UnaryOperator<BigDecimal> price) {
        if (pricing.idleFeePerMinute() != null && pricing.idleFeePerMinute().signum() > 0) {
            return new OperatorTariff.WithIdleFee(operator, new OperatorTariff.IdleFee(price.apply(pricing.idleFeePerMinute()),
                    pricing.idleGraceMinutes() == null ? 0 : pricing.idleGraceMinutes()));
        }
        return operator;
    }

    private static OperatorTariff operator(TariffPricing pricing) {
        return operator(pricing, UnaryOperator.identity());
    }

    /** The operator's tariff with every price passed through {@code price} (identity, or taking VAT out). */
    private static OperatorTariff operator(TariffPricing pricing, UnaryOperator<BigDecimal> price) {
        return switch (pricing.kind()) {
            case FREE -> new OperatorTariff.Free();
            case FLAT -> new OperatorTariff.FlatPerSession(price.apply(pricing.pricePerSession()));
            case DURATION_ENERGY -> new OperatorTariff.DurationAndEnergy(price.apply(pricing.connectionFee()), price.apply(pricing.pricePerKwh()),
                    perHour(price.apply(pricing.pricePerMinute())), 1, 1);
            case TIME_OF_DAY -> new OperatorTariff.DayNight(pricing.dayStartsAt(), pricing.nightStartsAt(), price.apply(pricing.pricePerKwh()),
                    price.apply(pricing.nightPricePerKwh()), perHour(price.apply(pricing.pricePerMinute())),
                    perHour(price.apply(pricing.nightPricePerMinute())), price.apply(pricing.connectionFee()));
            case POWER_LEVELS -> {
                // the manual gives each level's maximum average power; a level starts where the one below ends
                List<OperatorTariff.PowerLevel> levels = new ArrayList<>();
                BigDecimal from = BigDecimal.ZERO;
                for (TariffPricing.PowerLevel level : pricing.powerLevels()) {
                    levels.add(new OperatorTariff.PowerLevel(from, level.maxAverageKw(), price.apply(level.pricePerMinute())));
                    from = level.maxAverageKw();
                }
                yield new OperatorTariff.PowerLevels(levels);
            }
            case OCPI -> throw new IllegalStateException("OCPI tariffs are parsed, not compiled");
        };
    }

    private static BigDecimal perHour(BigDecimal perMinute) {
        return perMinute == null ? null : perMinute.multiply(MINUTES_PER_HOUR).setScale(Math.max(0, perMinute.scale() - 1), RoundingMode.UNNECESSARY);
    }
}
