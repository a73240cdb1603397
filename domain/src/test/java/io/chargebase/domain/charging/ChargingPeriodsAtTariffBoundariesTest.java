package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.Dimension;
import io.chargebase.domain.rating.OperatorTariff;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.RatingEngine;
import io.chargebase.domain.rating.RatingInput;
import io.chargebase.domain.rating.RatingRules;
import io.chargebase.domain.rating.Restrictions;
import io.chargebase.domain.rating.Tariff;
import io.chargebase.domain.rating.TariffBoundaries;
import io.chargebase.domain.rating.TariffElement;

/** Charging periods cut at every boundary of the tariff that rates them, the register interpolated between readings. */
class ChargingPeriodsAtTariffBoundariesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** Monday 4 May 2026, 22:30 in Amsterdam (summer time, UTC+2). */
    private static final Instant T0 = Instant.parse("2026-05-04T20:30:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    private static ChargingPeriods.Reading reading(int minutes, long wh) {
        return new ChargingPeriods.Reading(at(minutes), BigDecimal.valueOf(wh));
    }

    private static ChargingPeriods.Reading reading(int minutes, long wh, String watts) {
        return new ChargingPeriods.Reading(at(minutes), BigDecimal.valueOf(wh), new BigDecimal(watts), null);
    }

    private static PriceComponent energy(String price) {
        return new PriceComponent(Dimension.ENERGY, new BigDecimal(price), null, 1);
    }

    private static PriceComponent time(String perHour) {
        return new PriceComponent(Dimension.TIME, new BigDecimal(perHour), null, 1);
    }

    private static Tariff tariff(TariffElement... elements) {
        return Tariff.of(EUR, List.of(elements));
    }

    private static List<ChargingPeriod> periods(Tariff tariff, int minutes, long meterStopWh, List<ChargingPeriods.Reading> readings) {
        return ChargingPeriods.of(T0, at(minutes), 0, meterStopWh, readings, TariffBoundaries.of(tariff, RatingRules.OCPI), AMSTERDAM);
    }

    private static BigDecimal total(Tariff tariff, int minutes, List<ChargingPeriod> periods) {
        return new RatingEngine().rate(tariff, new RatingInput(T0, at(minutes), AMSTERDAM, periods)).totalCost().exclVat();
    }

    private static String volume(ChargingPeriod period, CdrDimensionType type) {
        BigDecimal volume = period.volume(type);
        return volume == null ? null : volume.toPlainString();
    }

    @Test
    void aTimeOfDayBoundaryCutsThePeriodWithTheRegisterInterpolated() {
        // day until 23:00, night after; readings at 22:30 (0) and 23:30 (10 kWh): 5 kWh each side of 23:00
        Tariff dayNight = tariff(TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(7, 0), LocalTime.of(23, 0)).build(), energy("0.40")),
                TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(23, 0), LocalTime.of(7, 0)).build(), energy("0.20")));
        List<ChargingPeriod> periods = periods(dayNight, 60, 10_000, List.of());
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(30));
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.ENERGY)).containsExactly("5", "5");
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.TIME)).containsExactly("0.5", "0.5");
        // 5 × 0.40 + 5 × 0.20 (priced wholly at the day rate before: 4.00)
        assertThat(total(dayNight, 60, periods)).isEqualByComparingTo("3.00");
    }

    @Test
    void interpolationFollowsTheReadingsAroundTheCut() {
        // 1 kWh by 22:50, 7 kWh by 23:10: at 23:00 the register stands at 4 kWh
        Tariff dayNight = OperatorTariff.DayNight.perKwh("07:00", "23:00", "0.40", "0.20").compile(EUR, BigDecimal.ZERO);
        List<ChargingPeriod> periods = periods(dayNight, 60, 8_000, List.of(reading(20, 1_000), reading(40, 7_000)));
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.ENERGY)).containsExactly("4", "4");
        BigDecimal sum = periods.stream().map(p -> p.volume(CdrDimensionType.ENERGY)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("8");
    }

    @Test
    void aWeekdayBoundaryCutsAtLocalMidnight() {
        // Monday 23:30 to Tuesday 00:30 local; Tuesdays cost more per hour
        Tariff weekday = tariff(TariffElement.of(Restrictions.builder().daysOfWeek(Set.of(DayOfWeek.TUESDAY)).build(), time("3.00")),
                TariffElement.of(null, time("1.00")));
        Instant start = Instant.parse("2026-05-04T21:30:00Z");
        List<ChargingPeriod> periods = ChargingPeriods.of(start, start.plusSeconds(3600), 0, 6_000, List.of(),
                TariffBoundaries.of(weekday, RatingRules.OCPI), AMSTERDAM);
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(start, Instant.parse("2026-05-04T22:00:00Z"));
        assertThat(new RatingEngine().rate(weekday, new RatingInput(start, start.plusSeconds(3600), AMSTERDAM, periods)).totalCost().exclVat())
                .isEqualByComparingTo("2.00");
    }

    @Test
    void aDateBoundaryCutsAtLocalMidnight() {
        Tariff fromTuesday = tariff(TariffElement.of(Restrictions.builder().dates(LocalDate.of(2026, 5, 5), null).build(), energy("0.50")),
                TariffElement.of(null, energy("0.30")));
        Instant start = Instant.parse("2026-05-04T21:30:00Z");
        List<ChargingPeriod> periods = ChargingPeriods.of(start, start.plusSeconds(3600), 0, 6_000, List.of(),
                TariffBoundaries.of(fromTuesday, RatingRules.OCPI), AMSTERDAM);
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.ENERGY)).containsExactly("3", "3");
        // 3 × 0.30 + 3 × 0.50
        assertThat(new RatingEngine().rate(fromTuesday, new RatingInput(start, start.plusSeconds(3600), AMSTERDAM, periods)).totalCost().exclVat())
                .isEqualByComparingTo("2.40");
    }

    @Test
    void aKwhThresholdCutsWhereTheEnergyReachesIt() {
        // time is cheap for the first 5 kWh, dear after: 10 kWh evenly over an hour reach 5 kWh at 30 minutes
        Tariff kwh = tariff(TariffElement.of(Restrictions.builder().kwh(null, new BigDecimal("5")).build(), time("1.00")),
                TariffElement.of(null, time("4.00")));
        List<ChargingPeriod> periods = periods(kwh, 60, 10_000, List.of(reading(20, 2_000), reading(40, 8_000)));
        // 2 kWh at 20 min, 8 at 40: 5 kWh at 30 min
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(30));
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.ENERGY)).containsExactly("5", "5");
        assertThat(total(kwh, 60, periods)).isEqualByComparingTo("2.50");
    }

    @Test
    void aKwhThresholdBetweenSecondsIsCutAtTheNextWholeSecond() {
        Tariff kwh = tariff(TariffElement.of(Restrictions.builder().kwh(new BigDecimal("1"), null).build(), time("4.00")),
                TariffElement.of(null, time("1.00")));
        // 3 kWh over 7 minutes: 1 kWh at 140 s exactly; 1.5 kWh never crosses a second boundary evenly
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, T0.plusSeconds(420), 0, 3_000, List.of(), TariffBoundaries.of(kwh, RatingRules.OCPI),
                AMSTERDAM);
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, T0.plusSeconds(140));
        Tariff odd = tariff(TariffElement.of(Restrictions.builder().kwh(null, new BigDecimal("1.001")).build(), time("4.00")));
        List<ChargingPeriod> cut = ChargingPeriods.of(T0, T0.plusSeconds(420), 0, 3_000, List.of(), TariffBoundaries.of(odd, RatingRules.OCPI),
                AMSTERDAM);
        assertThat(cut.get(1).start()).isEqualTo(T0.plusSeconds(141));
        assertThat(cut.get(0).volume(CdrDimensionType.ENERGY)).isGreaterThanOrEqualTo(new BigDecimal("1.001"));
    }

    @Test
    void aDurationThresholdCutsEnergyAtThatSessionTime() {
        // energy is dearer after 30 minutes: 10 kWh evenly over an hour, 5 each side
        Tariff duration = tariff(TariffElement.of(Restrictions.builder().duration(null, 1800).build(), energy("0.20")),
                TariffElement.of(null, energy("0.60")));
        List<ChargingPeriod> periods = periods(duration, 60, 10_000, List.of());
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(30));
        assertThat(total(duration, 60, periods)).isEqualByComparingTo("4.00");
    }

    @Test
    void aPowerThresholdCutsWhereTheMeasuredPowerCrossesIt() {
        // above 11 kW time costs 6.00/h, below 2.00/h; 20 kW for 30 minutes, then 6 kW
        Tariff power = tariff(TariffElement.of(Restrictions.builder().power(new BigDecimal("11"), null).build(), time("6.00")),
                TariffElement.of(null, time("2.00")));
        List<ChargingPeriod> periods = periods(power, 60, 13_000,
                List.of(reading(0, 0, "20000"), reading(15, 5_000, "20000"), reading(30, 10_000, "6000"), reading(45, 11_500, "6000")));
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(30));
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.POWER)).containsExactly("20", "6");
        assertThat(total(power, 60, periods)).isEqualByComparingTo("4.00");
    }

    @Test
    void aCurrentThresholdCutsWhereTheMeasuredCurrentCrossesIt() {
        Tariff current = tariff(TariffElement.of(Restrictions.builder().current(null, new BigDecimal("16")).build(), time("1.00")),
                TariffElement.of(null, time("3.00")));
        List<ChargingPeriod> periods = periods(current, 60, 10_000, List.of(
                new ChargingPeriods.Reading(at(0), BigDecimal.ZERO, null, new BigDecimal("10")),
                new ChargingPeriods.Reading(at(20), BigDecimal.valueOf(2_000), null, new BigDecimal("10")),
                new ChargingPeriods.Reading(at(40), BigDecimal.valueOf(5_000), null, new BigDecimal("32"))));
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(40));
        assertThat(periods).extracting(p -> volume(p, CdrDimensionType.CURRENT)).containsExactly("10", "32");
        // 40 minutes × 1.00/h + 20 minutes × 3.00/h
        assertThat(total(current, 60, periods).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1.67");
    }

    @Test
    void parkingStaysAPeriodOfItsOwnAndBoundariesCutItToo() {
        Tariff dayNight = OperatorTariff.DayNight.perKwh("07:00", "23:00", "0.40", "0.20").compile(EUR, BigDecimal.ZERO);
        // charging 22:30-22:50, then parked until 23:30: the parking is cut at 23:00
        List<ChargingPeriod> periods = periods(dayNight, 60, 5_000, List.of(reading(20, 5_000), reading(40, 5_000)));
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(20), at(30));
        assertThat(volume(periods.get(1), CdrDimensionType.PARKING_TIME)).isEqualTo("0.166667");
        assertThat(volume(periods.get(2), CdrDimensionType.PARKING_TIME)).isEqualTo("0.5");
    }

    @Test
    void anEstimateIsCutAsTheSessionWouldBeWithItsEnergyChargedEvenly() {
        Tariff dayNight = OperatorTariff.DayNight.perKwh("07:00", "23:00", "0.40", "0.20").compile(EUR, BigDecimal.ZERO);
        List<ChargingPeriod> periods = ChargingPeriods.estimate(T0, at(60), new BigDecimal("10.0005"), TariffBoundaries.of(dayNight, RatingRules.OCPI),
                AMSTERDAM);
        assertThat(periods).extracting(ChargingPeriod::start).containsExactly(T0, at(30));
        assertThat(periods.stream().map(p -> p.volume(CdrDimensionType.ENERGY)).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("10.0005");
    }

    @Test
    void anIdleFeesGraceIsNoBoundaryWhenItCountsFromTheEndOfCharging() {
        OperatorTariff idle = new OperatorTariff.FlatPerSession(BigDecimal.ONE).withIdleFee(new OperatorTariff.IdleFee(new BigDecimal("0.10"), 30));
        Tariff compiled = idle.compile(EUR, BigDecimal.ZERO);
        List<ChargingPeriod> periods = ChargingPeriods.of(T0, at(60), 0, 10_000, List.of(), TariffBoundaries.of(compiled, idle.rules()), AMSTERDAM);
        assertThat(periods).hasSize(1);
        assertThat(ChargingPeriods.of(T0, at(60), 0, 10_000, List.of(), TariffBoundaries.of(compiled, RatingRules.OCPI), AMSTERDAM)).hasSize(2);
    }
}
