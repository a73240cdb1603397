package io.chargebase.domain.tariffs;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * The prices of a tariff as the operator enters them (the admin manual's tariff types). Which fields count depends
 * on the kind; an empty price is zero. {@code vatPercent} applies to every price; an idle fee (per minute of parking
 * after a grace period) can be added to any kind but FREE and OCPI. For OCPI, {@code ocpiTariff} holds the tariff
 * JSON itself.
 */
public record TariffPricing(
        TariffKind kind,
        BigDecimal vatPercent,
        BigDecimal pricePerSession,
        BigDecimal connectionFee,
        BigDecimal pricePerKwh,
        BigDecimal pricePerMinute,
        LocalTime dayStartsAt,
        LocalTime nightStartsAt,
        BigDecimal nightPricePerKwh,
        BigDecimal nightPricePerMinute,
        List<PowerLevel> powerLevels,
        BigDecimal idleFeePerMinute,
        Integer idleGraceMinutes,
        String ocpiTariff) {

    /** A price per minute for sessions whose average power is at most {@code maxAverageKw} (and above the level below). */
    public record PowerLevel(BigDecimal maxAverageKw, BigDecimal pricePerMinute) {
    }

    public static TariffPricing free() {
        return new TariffPricing(TariffKind.FREE, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TariffPricing {
        if (kind == null) {
            throw new DomainException(ErrorCode.REQUIRED, "pricing.kind", "Say which kind of tariff this is.");
        }
        powerLevels = powerLevels == null ? List.of() : List.copyOf(powerLevels);
        notNegative("pricing.vatPercent", vatPercent);
        if (vatPercent != null && vatPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new DomainException(ErrorCode.INVALID, "pricing.vatPercent", "VAT is a percentage between 0 and 100.");
        }
        notNegative("pricing.pricePerSession", pricePerSession);
        notNegative("pricing.connectionFee", connectionFee);
        notNegative("pricing.pricePerKwh", pricePerKwh);
        notNegative("pricing.pricePerMinute", pricePerMinute);
        notNegative("pricing.nightPricePerKwh", nightPricePerKwh);
        notNegative("pricing.nightPricePerMinute", nightPricePerMinute);
        notNegative("pricing.idleFeePerMinute", idleFeePerMinute);
        if (idleGraceMinutes != null && idleGraceMinutes < 0) {
            throw new DomainException(ErrorCode.INVALID, "pricing.idleGraceMinutes", "A grace period is not negative.");
        }
        switch (kind) {
            case FLAT -> required("pricing.pricePerSession", pricePerSession);
            case TIME_OF_DAY -> {
                required("pricing.dayStartsAt", dayStartsAt);
                required("pricing.nightStartsAt", nightStartsAt);
                if (dayStartsAt.equals(nightStartsAt)) {
                    throw new DomainException(ErrorCode.INVALID, "pricing.nightStartsAt", "Day and night start at different times.");
                }
            }
            case POWER_LEVELS -> powerLevels = levels(powerLevels);
            case OCPI -> required("pricing.ocpiTariff", ocpiTariff);
            case FREE, DURATION_ENERGY -> {
            }
        }
        if ((kind == TariffKind.FREE || kind == TariffKind.OCPI) && idleFeePerMinute != null && idleFeePerMinute.signum() > 0) {
            throw new DomainException(ErrorCode.INVALID, "pricing.idleFeePerMinute",
                    kind == TariffKind.FREE ? "A free tariff has no idle fee." : "An OCPI tariff prices parking in its own elements.");
        }
    }

    private static List<PowerLevel> levels(List<PowerLevel> levels) {
        if (levels.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, "pricing.powerLevels", "A power-levels tariff needs at least one level.");
        }
        List<PowerLevel> sorted = new ArrayList<>(levels);
        for (int i = 0; i < sorted.size(); i++) {
            PowerLevel level = sorted.get(i);
            String field = "pricing.powerLevels[" + i + "]";
            if (level == null || level.maxAverageKw() == null || level.pricePerMinute() == null) {
                throw new DomainException(ErrorCode.REQUIRED, field, "Each level has a maximum average power and a price per minute.");
            }
            if (level.maxAverageKw().signum() <= 0) {
                throw new DomainException(ErrorCode.INVALID, field + ".maxAverageKw", "A level's maximum average power is above zero.");
            }
            Decimals.within(field + ".maxAverageKw", level.maxAverageKw(), 4, 3);
            notNegative(field + ".pricePerMinute", level.pricePerMinute());
        }
        sorted.sort(Comparator.comparing(PowerLevel::maxAverageKw));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).maxAverageKw().compareTo(sorted.get(i - 1).maxAverageKw()) == 0) {
                throw new DomainException(ErrorCode.DUPLICATE, "pricing.powerLevels", "Two levels have the same maximum average power.");
            }
        }
        return List.copyOf(sorted);
    }

    /** Not negative, and below {@value #MAX_PRICE_DIGITS} digits before the point: priced sessions must fit a CDR. */
    private static void notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new DomainException(ErrorCode.INVALID, field, "A price is not negative.");
        }
        Decimals.within(field, value, MAX_PRICE_DIGITS, 8);
    }

    static final int MAX_PRICE_DIGITS = 6;

    private static void required(String field, Object value) {
        if (value == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "This kind of tariff needs " + field.substring("pricing.".length()) + ".");
        }
    }
}
