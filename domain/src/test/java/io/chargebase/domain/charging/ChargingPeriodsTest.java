package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;

class ChargingPeriodsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    private static ChargingPeriods.Reading reading(int minutes, long wh) {
        return new ChargingPeriods.Reading(at(minutes), BigDecimal.valueOf(wh));
    }

    private static String volume(ChargingPeriod period, CdrDimensionType type) {
        BigDecimal volume = period.volume(type);
        return volume == null ? null : volume.toPlainString();
    }

    @Test
    void withoutReadingsInBetweenTheSessionIsOneChargingPeriod() {
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(90), 1_000, 16_000, List.of());
        assertThat(periods).hasSize(1);
        assertThat(periods.getFirst().start()).isEqualTo(T0);
        assertThat(volume(periods.getFirst(), CdrDimensionType.ENERGY)).isEqualTo("15");
        assertThat(volume(periods.getFirst(), CdrDimensionType.TIME)).isEqualTo("1.5");
        assertThat(volume(periods.getFirst(), CdrDimensionType.PARKING_TIME)).isNull();
    }

    @Test
    void standingStillAfterChargingIsParkingAndEnergyAddsUpExactly() {
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(120), 0, 10_500,
                List.of(reading(30, 5_000), reading(60, 10_500), reading(90, 10_500)));
        assertThat(periods).hasSize(2);
        assertThat(volume(periods.get(0), CdrDimensionType.ENERGY)).isEqualTo("10.5");
        assertThat(volume(periods.get(0), CdrDimensionType.TIME)).isEqualTo("1");
        assertThat(periods.get(1).start()).isEqualTo(at(60));
        assertThat(volume(periods.get(1), CdrDimensionType.PARKING_TIME)).isEqualTo("1");
        assertThat(volume(periods.get(1), CdrDimensionType.ENERGY)).isNull();
    }

    @Test
    void aPauseThenMoreChargingMakesThreePeriods() {
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(60), 100, 2_100,
                List.of(reading(20, 1_100), reading(40, 1_100)));
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(20), at(40));
        assertThat(volume(periods.get(1), CdrDimensionType.PARKING_TIME)).isEqualTo("0.333333");
        assertThat(volume(periods.get(2), CdrDimensionType.ENERGY)).isEqualTo("1");
    }

    @Test
    void idleBeforeTheFirstEnergyIsNotParking() {
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(60), 0, 3_000, List.of(reading(15, 0), reading(30, 3_000)));
        assertThat(periods).hasSize(2);
        assertThat(volume(periods.get(0), CdrDimensionType.TIME)).isEqualTo("0.5");
        assertThat(volume(periods.get(0), CdrDimensionType.ENERGY)).isEqualTo("3");
        assertThat(volume(periods.get(1), CdrDimensionType.PARKING_TIME)).isEqualTo("0.5");
    }

    @Test
    void readingsOutOfOrderAreSortedAndContradictingOnesLeftOut() {
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(60), 0, 6_000,
                List.of(reading(40, 4_000), reading(20, 2_000), reading(30, 1_000), reading(50, 9_999), reading(70, 7_000)));
        BigDecimal energy = periods.stream().map(p -> p.volume(CdrDimensionType.ENERGY)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(energy).isEqualByComparingTo("6");
        assertThat(periods).hasSize(1);
        assertThat(volume(periods.getFirst(), CdrDimensionType.TIME)).isEqualTo("1");
    }

    @Test
    void aMeterThatRanBackwardsGivesNoEnergyAndAStopBeforeTheStartNoTime() {
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(-5), 5_000, 4_000, List.of());
        assertThat(volume(periods.getFirst(), CdrDimensionType.ENERGY)).isEqualTo("0");
        assertThat(volume(periods.getFirst(), CdrDimensionType.TIME)).isEqualTo("0");
    }
}
