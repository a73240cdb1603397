package io.chargebase.domain.rating;

import static io.chargebase.domain.rating.Sessions.aSession;
import static io.chargebase.domain.rating.Sessions.amps;
import static io.chargebase.domain.rating.Sessions.kwh;
import static io.chargebase.domain.rating.Sessions.timeMinutes;
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
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RatingEngineTest {

    private static final RatingEngine ENGINE = new RatingEngine();
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static PriceComponent energy(String price) {
        return PriceComponent.of(Dimension.ENERGY, price, null, 1);
    }

    private static Tariff tariff(TariffElement... elements) {
        return Tariff.of(EUR, List.of(elements));
    }

    @Test
    void eachDimensionIsPricedByTheFirstElementThatHasIt() {
        Tariff tariff = tariff(
                TariffElement.of(null, energy("0.30")),
                TariffElement.of(null, PriceComponent.of(Dimension.TIME, "2.00", null, 1), energy("0.99")));
        Rating rating = ENGINE.rate(tariff, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("10"), timeMinutes(60)).build());

        assertThat(rating.energy().cost().exclVat()).isEqualByComparingTo("3.00");
        assertThat(rating.time().cost().exclVat()).isEqualByComparingTo("2.00");
        assertThat(rating.pricedBy()).extracting(PricedBy::dimension, PricedBy::element)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Dimension.TIME, 1), org.assertj.core.groups.Tuple.tuple(Dimension.ENERGY, 0));
    }

    @Test
    void dayOfWeekIsTheLocalDay() {
        // Sunday 23:30 UTC is Monday 01:30 in Amsterdam (summer time)
        Tariff tariff = tariff(
                TariffElement.of(Restrictions.builder().daysOfWeek(Set.of(DayOfWeek.MONDAY)).build(), energy("0.50")),
                TariffElement.of(null, energy("0.20")));
        RatingInput session = aSession(Instant.parse("2026-05-03T23:30:00Z"), AMSTERDAM).period(60, kwh("10")).build();
        assertThat(ENGINE.rate(tariff, session).totalCost().exclVat()).isEqualByComparingTo("5.00");
    }

    @Test
    void datesAreLocalStartInclusiveEndExclusive() {
        Tariff tariff = tariff(
                TariffElement.of(Restrictions.builder().dates(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-05")).build(), energy("0.50")),
                TariffElement.of(null, energy("0.20")));
        assertThat(ENGINE.rate(tariff, aSession("2026-05-04T00:00", AMSTERDAM).period(60, kwh("1")).build()).totalCost().exclVat())
                .isEqualByComparingTo("0.50");
        assertThat(ENGINE.rate(tariff, aSession("2026-05-05T00:00", AMSTERDAM).period(60, kwh("1")).build()).totalCost().exclVat())
                .isEqualByComparingTo("0.20");
    }

    @Test
    void aSingleTimeBoundRunsToOrFromMidnight() {
        Tariff tariff = tariff(
                TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(18, 0), null).build(), energy("0.50")),
                TariffElement.of(null, energy("0.20")));
        assertThat(ENGINE.rate(tariff, aSession("2026-05-04T23:59", AMSTERDAM).period(1, kwh("1")).build()).totalCost().exclVat())
                .isEqualByComparingTo("0.50");
        assertThat(ENGINE.rate(tariff, aSession("2026-05-05T00:00", AMSTERDAM).period(1, kwh("1")).build()).totalCost().exclVat())
                .isEqualByComparingTo("0.20");
    }

    @Test
    void energyIsSplitAtAKwhBoundInsideAPeriod() {
        Tariff tariff = tariff(
                TariffElement.of(Restrictions.builder().kwh(null, new BigDecimal("10")).build(), energy("0.20")),
                TariffElement.of(null, energy("0.40")));
        RatingInput session = aSession("2026-05-04T10:00", AMSTERDAM).period(30, kwh("4")).period(30, kwh("11")).build();
        // 4 + 6 kWh at 0.20, 5 kWh at 0.40
        assertThat(ENGINE.rate(tariff, session).totalCost().exclVat()).isEqualByComparingTo("4.00");
    }

    @Test
    void aCurrentBoundWithoutMeasurementDoesNotHold() {
        Tariff tariff = tariff(
                TariffElement.of(Restrictions.builder().current(null, new BigDecimal("32")).build(), energy("0.20")),
                TariffElement.of(null, energy("0.40")));
        assertThat(ENGINE.rate(tariff, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("10")).build()).totalCost().exclVat())
                .isEqualByComparingTo("4.00");
        assertThat(ENGINE.rate(tariff, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("10"), amps("16")).build()).totalCost().exclVat())
                .isEqualByComparingTo("2.00");
    }

    @Test
    void maxPriceWithoutInclVatKeepsTheSessionsVatShare() {
        Tariff tariff = Tariff.of(EUR, List.of(TariffElement.of(null, PriceComponent.of(Dimension.ENERGY, "0.50", "20", 1))))
                .withLimits(null, Price.of("5.00", null));
        Rating rating = ENGINE.rate(tariff, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("20")).build());
        assertThat(rating.totalCost().atScale(2)).isEqualTo(Price.of("5.00", "6.00"));
        assertThat(rating.linesTotal().atScale(2)).isEqualTo(Price.of("10.00", "12.00"));
    }

    @Test
    void noApplicableElementMeansNoCharge() {
        Tariff tariff = tariff(TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(8, 0), LocalTime.of(9, 0)).build(), energy("0.50")));
        Rating rating = ENGINE.rate(tariff, aSession("2026-05-04T10:00", AMSTERDAM).period(60, kwh("10")).build());
        assertThat(rating.totalCost().exclVat()).isZero();
        assertThat(rating.totalEnergy()).isEqualByComparingTo("10");
        assertThat(rating.pricedBy()).isEmpty();
    }

    @Test
    void isDeterministicAcrossThreads() {
        Tariff tariff = OperatorTariff.DayNight.perKwh("07:00", "23:00", "0.40", "0.25").compile(EUR, new BigDecimal("21"));
        RatingInput session = aSession("2026-05-04T21:00", AMSTERDAM).period(90, kwh("10")).period(90, kwh("10")).build();
        Rating expected = ENGINE.rate(tariff, session);
        assertThat(IntStream.range(0, 2_000).parallel().mapToObj(i -> ENGINE.rate(tariff, session)).distinct().toList())
                .containsExactly(expected);
    }
}
