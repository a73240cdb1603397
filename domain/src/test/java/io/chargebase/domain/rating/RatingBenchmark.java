package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rating a realistic session: a tariff of 3 elements by time of day (off-peak, day, evening peak, with a start fee
 * and parking by day), and a 7.5-hour session of 30 quarter-hour periods across two of them ending in parking, in
 * Europe/Amsterdam. Run with {@code ./mvnw -B -pl tenancy,domain -am -Pjmh -DskipTests verify
 * -Dbenchmark.args="-f1 -wi 3 -w 2s -i 5 -r 2s -t 1 RatingBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RatingBenchmark {

    private final RatingEngine engine = new RatingEngine();
    private Tariff tariff;
    private RatingInput session;

    @Setup
    public void prepare() {
        tariff = Tariff.of(Currency.getInstance("EUR"), List.of(
                TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(23, 0), LocalTime.of(7, 0)).build(),
                        PriceComponent.of(Dimension.FLAT, "0.35", "21", 0),
                        PriceComponent.of(Dimension.ENERGY, "0.29", "21", 1)),
                TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(7, 0), LocalTime.of(17, 0)).build(),
                        PriceComponent.of(Dimension.FLAT, "0.35", "21", 0),
                        PriceComponent.of(Dimension.ENERGY, "0.39", "21", 1),
                        PriceComponent.of(Dimension.PARKING_TIME, "3.00", "21", 300)),
                TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.of(17, 0), LocalTime.of(23, 0)).build(),
                        PriceComponent.of(Dimension.FLAT, "0.35", "21", 0),
                        PriceComponent.of(Dimension.ENERGY, "0.45", "21", 1),
                        PriceComponent.of(Dimension.TIME, "1.20", "21", 60))));
        Instant start = Instant.parse("2026-05-04T12:00:00Z");
        List<ChargingPeriod> periods = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant at = start.plusSeconds(900L * i);
            periods.add(i < 24
                    ? ChargingPeriod.of(at, new CdrDimension(CdrDimensionType.ENERGY, new BigDecimal("2.731")),
                            new CdrDimension(CdrDimensionType.TIME, new BigDecimal("0.25")),
                            new CdrDimension(CdrDimensionType.MAX_POWER, new BigDecimal("11.04")))
                    : ChargingPeriod.of(at, new CdrDimension(CdrDimensionType.PARKING_TIME, new BigDecimal("0.25"))));
        }
        session = new RatingInput(start, start.plusSeconds(900L * 30), ZoneId.of("Europe/Amsterdam"), periods);
    }

    @Benchmark
    public Rating rateSession() {
        return engine.rate(tariff, session);
    }
}
