package io.chargebase.domain.rating;

import static io.chargebase.domain.rating.Sessions.aSession;
import static io.chargebase.domain.rating.Sessions.kwh;
import static io.chargebase.domain.rating.Sessions.parkingMinutes;
import static io.chargebase.domain.rating.Sessions.timeMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.rating.OperatorTariff.DayNight;
import io.chargebase.domain.rating.OperatorTariff.DurationAndEnergy;
import io.chargebase.domain.rating.OperatorTariff.FlatPerSession;
import io.chargebase.domain.rating.OperatorTariff.Free;
import io.chargebase.domain.rating.OperatorTariff.IdleFee;
import io.chargebase.domain.rating.OperatorTariff.PowerLevel;
import io.chargebase.domain.rating.OperatorTariff.PowerLevels;
import io.chargebase.domain.rating.json.OcpiTariffJson;

class OperatorTariffTest {

    private static final RatingEngine ENGINE = new RatingEngine();
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal NO_VAT = BigDecimal.ZERO;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Rated as the operator's tariff types mean it (their {@link OperatorTariff#rules()}). */
    private static Price rate(OperatorTariff tariff, BigDecimal vat, RatingInput session) {
        return ENGINE.rate(tariff.compile(EUR, vat), session, tariff.rules()).totalCost();
    }

    @Test
    void freeCostsNothing() {
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("20"), timeMinutes(60)).build();
        assertThat(rate(new Free(), new BigDecimal("21"), session).atScale(2)).isEqualTo(Price.of("0.00", "0.00"));
    }

    @Test
    void flatPerSessionIsChargedOnce() {
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM).period(30, kwh("5")).period(30, kwh("6")).build();
        assertThat(rate(new FlatPerSession(new BigDecimal("2.50")), new BigDecimal("21"), session).atScale(3))
                .isEqualTo(Price.of("2.500", "3.025"));
    }

    @Test
    void durationAndEnergyWithConnectionFee() {
        // 0.50 + 20 kWh × 0.30 + 1.5 h × 1.20 = 8.30
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM).period(90, kwh("20"), timeMinutes(90)).build();
        assertThat(rate(DurationAndEnergy.of("0.50", "0.30", "1.20"), NO_VAT, session).exclVat()).isEqualByComparingTo("8.30");
    }

    @Test
    void powerLevelsAsInTheAdminManual() {
        // Admin manual: one hour at an average between 11 and 22 kW costs 0.15/min = 9.00; a 7.4 kW car pays 6.00.
        PowerLevels levels = new PowerLevels(List.of(PowerLevel.of("0", "11", "0.10"), PowerLevel.of("11", "22", "0.15")));
        RatingInput fast = aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("16.5"), timeMinutes(60)).build();
        RatingInput slow = aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("7.4"), timeMinutes(60)).build();

        assertThat(rate(levels, NO_VAT, fast).exclVat()).isEqualByComparingTo("9.00");
        assertThat(rate(levels, NO_VAT, slow).exclVat()).isEqualByComparingTo("6.00");
    }

    @Test
    void powerLevelsWithTheManualsThreeLevels() {
        // Levels up to 7.4, 11 and 22 kW at 0.10, 0.12, 0.15 per minute; above the top level the top price applies.
        PowerLevels levels = new PowerLevels(List.of(
                PowerLevel.of("0", "7.4", "0.10"), PowerLevel.of("7.4", "11", "0.12"), PowerLevel.of("11", "22", "0.15")));
        assertThat(rate(levels, NO_VAT, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("7.2"), timeMinutes(60)).build()).exclVat())
                .isEqualByComparingTo("6.00");
        assertThat(rate(levels, NO_VAT, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("10"), timeMinutes(60)).build()).exclVat())
                .isEqualByComparingTo("7.20");
        assertThat(rate(levels, NO_VAT, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("22"), timeMinutes(60)).build()).exclVat())
                .isEqualByComparingTo("9.00");
    }

    @Test
    void powerLevelsUseTheSessionsAveragePowerWhateverItsPeriods() {
        // 30 minutes at 20 kW (10 kWh) then 30 minutes at 6 kW (3 kWh): the session averages 13 kW, so all 60 minutes
        // pay 0.15 = 9.00 (was 7.50 when each period was priced by its own average, which the manual does not describe)
        PowerLevels levels = new PowerLevels(List.of(PowerLevel.of("0", "11", "0.10"), PowerLevel.of("11", "22", "0.15")));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(30, kwh("10"), timeMinutes(30))
                .period(30, kwh("3"), timeMinutes(30))
                .build();
        assertThat(rate(levels, NO_VAT, session).exclVat()).isEqualByComparingTo("9.00");
    }

    @Test
    void theSameSessionInTwoPeriodsCostsWhatItCostsInOneAndWhatTheEstimateSays() {
        // 16.5 kWh in 60 minutes, 16.5 kW on average: 9.00. Reported as 42 minutes at 20 kW and 18 minutes at 8.33 kW,
        // per-period averages would bill 42 × 0.15 + 18 × 0.10 = 8.10.
        PowerLevels levels = new PowerLevels(List.of(PowerLevel.of("0", "11", "0.10"), PowerLevel.of("11", "22", "0.15")));
        RatingInput one = aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("16.5"), timeMinutes(60)).build();
        RatingInput two = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(42, kwh("14"), timeMinutes(42))
                .period(18, kwh("2.5"), timeMinutes(18))
                .build();
        assertThat(rate(levels, NO_VAT, two).exclVat()).isEqualByComparingTo("9.00").isEqualByComparingTo(rate(levels, NO_VAT, one).exclVat());
        assertThat(ENGINE.rate(levels.compile(EUR, NO_VAT), two).totalCost().exclVat()).as("OCPI's per-period reading of the same tariff")
                .isEqualByComparingTo("8.10");
    }

    @Test
    void aLevelsMaximumAveragePowerIncludesItsBound() {
        // the manual's levels up to 7.4, 11 and 22 kW: exactly 11 kW (11 kWh in an hour) pays the 11 kW level, 0.12/min
        PowerLevels levels = new PowerLevels(List.of(
                PowerLevel.of("0", "7.4", "0.10"), PowerLevel.of("7.4", "11", "0.12"), PowerLevel.of("11", "22", "0.15")));
        assertThat(rate(levels, NO_VAT, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("11"), timeMinutes(60)).build()).exclVat())
                .isEqualByComparingTo("7.20");
        assertThat(rate(levels, NO_VAT, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("7.4"), timeMinutes(60)).build()).exclVat())
                .isEqualByComparingTo("6.00");
        assertThat(rate(levels, NO_VAT, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("11.001"), timeMinutes(60)).build()).exclVat())
                .isEqualByComparingTo("9.00");
    }

    @Test
    void powerLevelsIgnorePeriodsPowerMeasurementsAndParking() {
        // a measured 20 kW in the first period does not move the session's average (12 kWh over 1 h of charging); the
        // half hour parked is not charging time
        PowerLevels levels = new PowerLevels(List.of(PowerLevel.of("0", "11", "0.10"), PowerLevel.of("11", "22", "0.15")));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(30, kwh("10"), timeMinutes(30), Sessions.powerKw("20"))
                .period(30, kwh("2"), timeMinutes(30), Sessions.powerKw("4"))
                .period(30, parkingMinutes(30))
                .build();
        assertThat(rate(levels, NO_VAT, session).exclVat()).isEqualByComparingTo("9.00");
    }

    @Test
    void dayNightAcrossMidnight() {
        // Night from 23:00 to 07:00: 22:00 is day (0.40), 23:00 and 00:00 are night (0.25): 4.00 + 2.50 + 2.50
        RatingInput session = aSession("2026-05-04T22:00", AMSTERDAM)
                .period(60, kwh("10"))
                .period(60, kwh("10"))
                .period(60, kwh("10"))
                .build();
        Rating rating = ENGINE.rate(DayNight.perKwh("07:00", "23:00", "0.40", "0.25").compile(EUR, NO_VAT), session);
        assertThat(rating.totalCost().exclVat()).isEqualByComparingTo("9.00");
        assertThat(rating.pricedBy()).extracting(PricedBy::element).containsExactly(0, 1, 1);
    }

    @Test
    void dayNightFollowsTheWallClockWhenSummerTimeStarts() {
        // 29 March 2026, clocks go from 02:00 to 03:00. 05:00 UTC is 07:00 local summer time: day already.
        // With winter time's offset it would still be night (06:00) and the session would cost 3.75.
        RatingInput session = aSession(java.time.Instant.parse("2026-03-29T04:30:00Z"), AMSTERDAM)
                .period(30, kwh("5"))
                .period(60, kwh("10"))
                .build();
        assertThat(rate(DayNight.perKwh("07:00", "23:00", "0.40", "0.25"), NO_VAT, session).exclVat()).isEqualByComparingTo("5.25");
    }

    @Test
    void dayNightFollowsTheWallClockWhenSummerTimeEnds() {
        // 25 October 2026, clocks go from 03:00 back to 02:00. 05:30 UTC is 06:30 local winter time (night), 06:00 UTC
        // is 07:00 (day). With summer time's offset both would be day and the session would cost 6.00.
        RatingInput session = aSession(java.time.Instant.parse("2026-10-25T05:30:00Z"), AMSTERDAM)
                .period(30, kwh("5"))
                .period(60, kwh("10"))
                .build();
        assertThat(rate(DayNight.perKwh("07:00", "23:00", "0.40", "0.25"), NO_VAT, session).exclVat()).isEqualByComparingTo("5.25");
    }

    @Test
    void dayNightPerHourSplitsAChargingPeriodAtTheSwitch() {
        // 22:30-23:30 in one TIME-only period: 30 minutes at 2.40/h by day, 30 at 1.20/h by night = 1.80
        DayNight tariff = new DayNight(java.time.LocalTime.of(7, 0), java.time.LocalTime.of(23, 0), null, null,
                new BigDecimal("2.40"), new BigDecimal("1.20"), null);
        RatingInput session = aSession("2026-05-04T22:30", AMSTERDAM).period(60, timeMinutes(60)).build();
        assertThat(rate(tariff, NO_VAT, session).exclVat()).isEqualByComparingTo("1.80");
    }

    @Test
    void idleFeeAfterTheGracePeriod() {
        // 20 minutes charging, then 40 minutes parked. Grace 30 minutes from the end of charging: 10 paid minutes × 0.10
        // = 1.00, on top of 20 kWh × 0.30 = 6.00 (was 3.00 and 9.00 when the grace counted from plug-in). The parking
        // period is split at the end of the grace by the engine.
        OperatorTariff tariff = DurationAndEnergy.of(null, "0.30", null).withIdleFee(new IdleFee(new BigDecimal("0.10"), 30));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(20, kwh("20"), timeMinutes(20))
                .period(40, parkingMinutes(40))
                .build();
        Rating rating = ENGINE.rate(tariff.compile(EUR, NO_VAT), session, tariff.rules());
        assertThat(rating.parkingTime().cost().atScale(2).exclVat()).isEqualByComparingTo("1.00");
        assertThat(rating.totalCost().atScale(2).exclVat()).isEqualByComparingTo("7.00");
    }

    @Test
    void parkingHoursRoundedToSixDecimalsDoNotBillAnExtraSecond() {
        // 40 minutes as our own sessions report them, 0.666667 h (1.2 ms too long): 10 paid minutes, exactly 1.00
        OperatorTariff tariff = new FlatPerSession(BigDecimal.ZERO).withIdleFee(new IdleFee(new BigDecimal("0.10"), 30));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(20, kwh("20"), CdrDimension.of(CdrDimensionType.TIME, "0.333333"))
                .period(40, CdrDimension.of(CdrDimensionType.PARKING_TIME, "0.666667"))
                .build();
        assertThat(rate(tariff, NO_VAT, session).exclVat().setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1.0000");
    }

    @Test
    void idleFeeGraceCountsFromTheEndOfChargingNotFromPlugIn() {
        // 90 minutes charging, then 40 parked, grace 30: from plug-in every parked minute would pay (4.00); from the end
        // of charging the first 30 are free: 10 × 0.10 = 1.00
        OperatorTariff tariff = new FlatPerSession(BigDecimal.ZERO).withIdleFee(new IdleFee(new BigDecimal("0.10"), 30));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(90, kwh("30"), timeMinutes(90))
                .period(40, parkingMinutes(40))
                .build();
        assertThat(rate(tariff, NO_VAT, session).atScale(2).exclVat()).isEqualByComparingTo("1.00");
        assertThat(ENGINE.rate(tariff.compile(EUR, NO_VAT), session).totalCost().atScale(2).exclVat()).as("OCPI's reading: durations from plug-in")
                .isEqualByComparingTo("4.00");
    }

    @Test
    void idleFeeGraceStartsAgainWhenTheCarChargesAgain() {
        // charge 20, park 20 (within grace), charge 20, park 40 (30 grace + 10 paid): 1.00
        OperatorTariff tariff = new FlatPerSession(BigDecimal.ZERO).withIdleFee(new IdleFee(new BigDecimal("0.10"), 30));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(20, kwh("5"), timeMinutes(20))
                .period(20, parkingMinutes(20))
                .period(20, kwh("5"), timeMinutes(20))
                .period(40, parkingMinutes(40))
                .build();
        assertThat(rate(tariff, NO_VAT, session).atScale(2).exclVat()).isEqualByComparingTo("1.00");
    }

    @Test
    void idleFeeGraceRunsOnAcrossParkingPeriodsCutForOtherReasons() {
        // parking cut in two at 11:00 (say, a time-of-day boundary): the grace counts from 10:20, the end of charging
        OperatorTariff tariff = new FlatPerSession(BigDecimal.ZERO).withIdleFee(new IdleFee(new BigDecimal("0.10"), 30));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM)
                .period(20, kwh("5"), timeMinutes(20))
                .period(40, parkingMinutes(40))
                .period(20, parkingMinutes(20))
                .build();
        // parked 10:20-11:20, grace until 10:50: 30 paid minutes
        assertThat(rate(tariff, NO_VAT, session).atScale(2).exclVat()).isEqualByComparingTo("3.00");
    }

    @Test
    void idleFeeWithinTheGracePeriodIsFree() {
        OperatorTariff tariff = new FlatPerSession(new BigDecimal("1.00")).withIdleFee(new IdleFee(new BigDecimal("0.10"), 30));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM).period(20, kwh("10")).period(10, parkingMinutes(10)).build();
        assertThat(rate(tariff, NO_VAT, session).atScale(2).exclVat()).isEqualByComparingTo("1.00");
    }

    @Test
    void operatorTariffsCompileToValidOcpiJson() {
        Tariff tariff = DayNight.perKwh("07:00", "23:00", "0.40", "0.25").withIdleFee(new IdleFee(new BigDecimal("0.10"), 30))
                .compile(EUR, new BigDecimal("21"));
        assertThat(OcpiTariffJson.parse(OcpiTariffJson.write(tariff))).isEqualTo(tariff);
    }

    @Test
    void refusesInconsistentSettings() {
        assertThatThrownBy(() -> new PowerLevels(List.of(PowerLevel.of("0", "11", "0.10"), PowerLevel.of("7", "22", "0.15"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_ORDER));
        assertThatThrownBy(() -> PowerLevel.of("11", "11", "0.10")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> DayNight.perKwh("07:00", "07:00", "0.40", "0.25")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new IdleFee(BigDecimal.ONE, -1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StopLimits(0, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new FlatPerSession(new BigDecimal("-1")).compile(EUR, NO_VAT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("elements[0].price_components[0].price"));
        assertThat(new StopLimits(120, new BigDecimal("40"))).isNotNull();
    }
}
