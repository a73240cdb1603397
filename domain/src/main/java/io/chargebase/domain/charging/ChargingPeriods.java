package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.TariffBoundaries;

/**
 * OCPI charging periods of a session from its energy register, cut wherever a parameter the rating tariff depends on
 * changes (OCPI: the CPO starts a new period then). Between two readings the car charged when the register rose; once
 * it has charged, a stretch in which the register stood still is parking (the car is full or paused but still
 * connected). A new period starts at each change between the two, and at every boundary of the tariff inside the
 * session: its times of day, local midnights (dates, weekdays), session durations, the instants the energy charged so
 * far reaches a min/max_kwh bound, and the readings at which measured power or current moves to the other side of a
 * bound. Between readings the register is taken to rise linearly, so a cut between two readings gets the interpolated
 * energy. Every period's energy is the difference of the register at its ends, so the periods add up exactly to
 * meterStop − meterStart; without readings in between or boundaries, the session is one charging period.
 *
 * <p>Pure: the caller passes the session's readings, the boundaries of the tariff version that will rate the periods
 * and the location's time zone, in which the tariff's local times are read.
 */
public final class ChargingPeriods {

    /**
     * A reading of the energy register, in Wh, with the total active power (W) and current (A) sampled at the same
     * instant, when the charger sent them (null otherwise).
     */
    public record Reading(Instant at, BigDecimal wh, BigDecimal powerW, BigDecimal currentA) {

        public Reading(Instant at, BigDecimal wh) {
            this(at, wh, null, null);
        }
    }

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);
    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);
    private static final int WH_SCALE = 3;

    private ChargingPeriods() {
    }

    /** Periods cut only where charging and parking alternate (no tariff boundaries). */
    public static List<ChargingPeriod> of(Instant start, Instant stop, long meterStartWh, long meterStopWh, List<Reading> readings) {
        return of(start, stop, meterStartWh, meterStopWh, readings, TariffBoundaries.NONE, ZoneId.of("UTC"));
    }

    /** Periods cut where charging and parking alternate and at every boundary of the tariff, read in {@code zone}. */
    public static List<ChargingPeriod> of(Instant start, Instant stop, long meterStartWh, long meterStopWh, List<Reading> readings,
            TariffBoundaries boundaries, ZoneId zone) {
        return of(start, stop, BigDecimal.valueOf(meterStartWh), BigDecimal.valueOf(meterStopWh), readings, boundaries, zone);
    }

    /**
     * The periods of an estimate: {@code energyKwh} charged evenly from {@code start} to {@code end}, cut as a session's
     * would be, so that the driver's estimate prices what the CDR will.
     */
    public static List<ChargingPeriod> estimate(Instant start, Instant end, BigDecimal energyKwh, TariffBoundaries boundaries, ZoneId zone) {
        return of(start, end, BigDecimal.ZERO, energyKwh.multiply(WH_PER_KWH), List.of(), boundaries, zone);
    }

    private static List<ChargingPeriod> of(Instant start, Instant stop, BigDecimal meterStartWh, BigDecimal meterStopWh, List<Reading> readings,
            TariffBoundaries boundaries, ZoneId zone) {
        Instant end = stop.isBefore(start) ? start : stop;
        BigDecimal first = meterStartWh;
        BigDecimal last = meterStopWh.max(meterStartWh);
        List<Reading> points = points(start, end, first, last, readings);
        if (points.size() == 2 && start.equals(end)) {
            return List.of(charging(start, last.subtract(first), Duration.ZERO, null, null));
        }

        // segment i runs from points[i] to points[i+1]: charging or parking, as the register says
        List<Boolean> parking = new ArrayList<>();
        boolean charged = false;
        for (int i = 1; i < points.size(); i++) {
            boolean rose = points.get(i).wh().compareTo(points.get(i - 1).wh()) > 0;
            boolean instant = points.get(i).at().equals(points.get(i - 1).at());
            // two readings at one instant make no stretch of their own: the state goes on
            parking.add(instant ? !parking.isEmpty() && parking.getLast() : charged && !rose);
            charged |= rose;
        }

        // every instant at which a period starts, other than the session's start
        TreeMap<Instant, Boolean> cuts = new TreeMap<>();
        for (int i = 1; i < parking.size(); i++) {
            if (!parking.get(i).equals(parking.get(i - 1))) {
                cuts.put(points.get(i).at(), true);
            }
        }
        boundaries.within(start, end, start, zone).forEach(at -> cuts.put(at, true));
        for (BigDecimal kwh : boundaries.kwhThresholds()) {
            Instant reached = reached(points, first.add(kwh.multiply(WH_PER_KWH)));
            if (reached != null && reached.isAfter(start) && reached.isBefore(end)) {
                cuts.put(reached, true);
            }
        }
        bandChanges(points, Reading::powerW, kw(boundaries.powerThresholdsKw())).forEach(at -> cuts.put(at, true));
        bandChanges(points, Reading::currentA, boundaries.currentThresholdsA()).forEach(at -> cuts.put(at, true));

        List<ChargingPeriod> periods = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        starts.add(start);
        starts.addAll(cuts.keySet());
        for (int p = 0; p < starts.size(); p++) {
            Instant from = starts.get(p);
            Instant to = p + 1 < starts.size() ? starts.get(p + 1) : end;
            if (!to.isAfter(from)) {
                continue;
            }
            BigDecimal energy = registerAt(points, to).subtract(registerAt(points, from));
            Duration duration = Duration.between(from, to);
            boolean parks = parking.get(segmentAt(points, from));
            if (parks) {
                periods.add(ChargingPeriod.of(from, new CdrDimension(CdrDimensionType.PARKING_TIME, hours(duration))));
            } else {
                BigDecimal power = boundaries.powerThresholdsKw().isEmpty() ? null : held(points, Reading::powerW, from, to);
                BigDecimal current = boundaries.currentThresholdsA().isEmpty() ? null : held(points, Reading::currentA, from, to);
                periods.add(charging(from, energy, duration, power == null ? null : power.movePointLeft(3), current));
            }
        }
        return List.copyOf(periods);
    }

    /** Start, the readings the register agrees with (inside the session, never below an earlier one nor above the last), end. */
    private static List<Reading> points(Instant start, Instant end, BigDecimal first, BigDecimal last, List<Reading> readings) {
        List<Reading> points = new ArrayList<>();
        Reading opening = new Reading(start, first);
        BigDecimal previous = first;
        for (Reading reading : readings.stream().sorted(Comparator.comparing(Reading::at)).toList()) {
            if (reading.at().equals(start) && reading.wh().compareTo(first) == 0) {
                // the charger's reading at the start tells the power drawn from the start
                opening = new Reading(start, first, reading.powerW(), reading.currentA());
                continue;
            }
            boolean inside = reading.at().isAfter(start) && reading.at().isBefore(end);
            // a reading the register contradicts (below an earlier one, above the final one) is left out, not bent to fit
            if (inside && reading.wh().compareTo(previous) >= 0 && reading.wh().compareTo(last) <= 0) {
                points.add(reading);
                previous = reading.wh();
            }
        }
        points.addFirst(opening);
        points.add(new Reading(end, last));
        return points;
    }

    /** The index of the segment that runs from {@code at} on (the last one for the session's end). */
    private static int segmentAt(List<Reading> points, Instant at) {
        for (int i = points.size() - 2; i >= 0; i--) {
            if (!points.get(i).at().isAfter(at)) {
                return i;
            }
        }
        return 0;
    }

    /** The register at {@code at}, interpolated linearly between the readings around it. */
    private static BigDecimal registerAt(List<Reading> points, Instant at) {
        int i = segmentAt(points, at);
        Reading from = points.get(i);
        Reading to = points.get(i + 1);
        if (!at.isAfter(from.at())) {
            return from.wh();
        }
        if (!at.isBefore(to.at())) {
            return to.wh();
        }
        BigDecimal elapsed = BigDecimal.valueOf(Duration.between(from.at(), at).toNanos());
        BigDecimal span = BigDecimal.valueOf(Duration.between(from.at(), to.at()).toNanos());
        return from.wh().add(to.wh().subtract(from.wh()).multiply(elapsed).divide(span, WH_SCALE, RoundingMode.HALF_UP));
    }

    /**
     * The first whole second at which the register reaches {@code wh}, interpolated between the readings around it; null
     * when the session never reaches it or starts there. Rounding up keeps the energy before the cut on the lower side.
     */
    private static Instant reached(List<Reading> points, BigDecimal wh) {
        if (points.getFirst().wh().compareTo(wh) >= 0) {
            return null;
        }
        for (int i = 1; i < points.size(); i++) {
            Reading from = points.get(i - 1);
            Reading to = points.get(i);
            if (to.wh().compareTo(wh) >= 0) {
                BigDecimal share = wh.subtract(from.wh()).divide(to.wh().subtract(from.wh()), MathContext.DECIMAL64);
                long nanos = share.multiply(BigDecimal.valueOf(Duration.between(from.at(), to.at()).toNanos()))
                        .setScale(0, RoundingMode.CEILING).longValueExact();
                Instant at = from.at().plusNanos(nanos);
                Instant second = at.getNano() == 0 ? at : Instant.ofEpochSecond(at.getEpochSecond() + 1);
                return second.isAfter(to.at()) ? to.at() : second;
            }
        }
        return null;
    }

    private interface Measure {
        BigDecimal of(Reading reading);
    }

    /** The readings at which a measured value moves to another side of the thresholds than the previous measurement. */
    private static List<Instant> bandChanges(List<Reading> points, Measure measure, List<BigDecimal> thresholds) {
        List<Instant> changes = new ArrayList<>();
        if (thresholds.isEmpty()) {
            return changes;
        }
        Integer band = null;
        for (int i = 0; i < points.size() - 1; i++) {
            BigDecimal value = measure.of(points.get(i));
            if (value == null) {
                continue;
            }
            int now = TariffBoundaries.band(thresholds, value);
            if (band != null && now != band && i > 0) {
                changes.add(points.get(i).at());
            }
            band = now;
        }
        return changes;
    }

    /**
     * The time-weighted average of a measured value over from..to, each measurement holding until the next; null when
     * nothing was measured before {@code to}.
     */
    private static BigDecimal held(List<Reading> points, Measure measure, Instant from, Instant to) {
        BigDecimal sum = BigDecimal.ZERO;
        long covered = 0;
        BigDecimal holding = null;
        Instant since = from;
        for (int i = 0; i < points.size() - 1 && points.get(i).at().isBefore(to); i++) {
            BigDecimal value = measure.of(points.get(i));
            if (value == null) {
                continue;
            }
            Instant at = points.get(i).at();
            if (!at.isAfter(from)) {
                holding = value;
                continue;
            }
            if (holding != null) {
                long millis = Duration.between(since, at).toMillis();
                sum = sum.add(holding.multiply(BigDecimal.valueOf(millis)));
                covered += millis;
            }
            holding = value;
            since = at;
        }
        if (holding == null) {
            return null;
        }
        long millis = Duration.between(since, to).toMillis();
        sum = sum.add(holding.multiply(BigDecimal.valueOf(millis)));
        covered += millis;
        return covered == 0 ? holding : plain(sum.divide(BigDecimal.valueOf(covered), 3, RoundingMode.HALF_UP));
    }

    private static List<BigDecimal> kw(List<BigDecimal> thresholdsKw) {
        // readings give power in W
        return thresholdsKw.stream().map(kw -> kw.movePointRight(3)).toList();
    }

    private static ChargingPeriod charging(Instant start, BigDecimal energyWh, Duration duration, BigDecimal powerKw, BigDecimal currentA) {
        List<CdrDimension> dimensions = new ArrayList<>(4);
        dimensions.add(new CdrDimension(CdrDimensionType.ENERGY, kwh(energyWh)));
        dimensions.add(new CdrDimension(CdrDimensionType.TIME, hours(duration)));
        if (powerKw != null) {
            dimensions.add(new CdrDimension(CdrDimensionType.POWER, plain(powerKw)));
        }
        if (currentA != null) {
            dimensions.add(new CdrDimension(CdrDimensionType.CURRENT, plain(currentA)));
        }
        return new ChargingPeriod(start, dimensions);
    }

    static BigDecimal kwh(BigDecimal wh) {
        return plain(wh.movePointLeft(3));
    }

    static BigDecimal hours(Duration duration) {
        return plain(BigDecimal.valueOf(duration.toMillis()).divide(MILLIS_PER_HOUR, 6, RoundingMode.HALF_UP));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
