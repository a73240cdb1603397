package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.RatingRules;

class CdrConsistencyTest {

    private static final Instant START = Instant.parse("2026-05-04T10:00:00Z");
    private static final Instant ONE_HOUR_LATER = START.plusSeconds(3600);

    private static ChargingPeriod period(Instant start, CdrDimension... dimensions) {
        return ChargingPeriod.of(start, dimensions);
    }

    private static CdrDimension time(String hours) {
        return CdrDimension.of(CdrDimensionType.TIME, hours);
    }

    private static CdrDimension parking(String hours) {
        return CdrDimension.of(CdrDimensionType.PARKING_TIME, hours);
    }

    private static CdrDimension energy(String kwh) {
        return CdrDimension.of(CdrDimensionType.ENERGY, kwh);
    }

    private static void refused(List<ChargingPeriod> periods, ErrorCode code, String field) {
        assertThatThrownBy(() -> CdrConsistency.check(START, ONE_HOUR_LATER, periods)).isInstanceOfSatisfying(DomainException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void aOneHourSessionBilledOneAndAHalfOrFiveHoursIsRefused() {
        refused(List.of(period(START, energy("10"), time("1.5"))), ErrorCode.INVALID, "chargingPeriods.0.dimensions.1.volume");
        refused(List.of(period(START, energy("10"), time("5"))), ErrorCode.INVALID, "chargingPeriods.0.dimensions.1.volume");
    }

    @Test
    void eachPeriodsTimeFitsWithinItsOwnSpan() {
        // 10:00-10:30 reports 40 minutes of charging; the session total (1 h) would still fit
        refused(List.of(period(START, energy("5"), time("0.666667")), period(START.plusSeconds(1800), parking("0.333333"))),
                ErrorCode.INVALID, "chargingPeriods.0.dimensions.1.volume");
    }

    @Test
    void chargingAndParkingTogetherFitTheirPeriod() {
        refused(List.of(period(START, energy("5"), time("0.75"), parking("0.5"))), ErrorCode.INVALID, "chargingPeriods.0.dimensions.2.volume");
    }

    @Test
    void aPeriodWithoutDimensionsOrWithOnlyMeasurementsIsRefused() {
        refused(List.of(period(START, energy("5"), time("0.5")), period(START.plusSeconds(1800))), ErrorCode.REQUIRED,
                "chargingPeriods.1.dimensions");
        refused(List.of(period(START, CdrDimension.of(CdrDimensionType.MAX_POWER, "11"))), ErrorCode.REQUIRED, "chargingPeriods.0.dimensions");
    }

    @Test
    void consistentCdrsPassIncludingVolumesRoundedByTheCpo() {
        assertThatCode(() -> CdrConsistency.check(START, ONE_HOUR_LATER, List.of(
                period(START, energy("5"), time("0.333333")),
                period(START.plusSeconds(1200), parking("0.333334")),
                period(START.plusSeconds(2400), time("0.333334"), energy("1"))))).doesNotThrowAnyException();
        assertThatCode(() -> CdrConsistency.check(START, ONE_HOUR_LATER, List.of(period(START, energy("5"), time("0.5")))))
                .doesNotThrowAnyException();
    }

    @Test
    void aPowerLevelsTariffNeedsChargingTime() {
        List<ChargingPeriod> energyOnly = List.of(period(START, energy("10")));
        assertThatThrownBy(() -> CdrConsistency.pricable(energyOnly, new RatingRules(true, false)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.REQUIRED);
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("chargingPeriods");
                });
        assertThatCode(() -> CdrConsistency.pricable(energyOnly, RatingRules.OCPI)).doesNotThrowAnyException();
        assertThatCode(() -> CdrConsistency.pricable(List.of(period(START, energy("10"), time("1"))), new RatingRules(true, false)))
                .doesNotThrowAnyException();
    }
}
