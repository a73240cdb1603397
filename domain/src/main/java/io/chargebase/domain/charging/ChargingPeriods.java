package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;

/**
 * OCPI charging periods of a session from its energy register. Between two readings the car charged when the register
 * rose; once it has charged, a stretch in which the register stood still is parking (the car is full or paused but still
 * connected). A new period starts at each change between the two. Every period's energy is the exact difference of
 * the readings, so the periods add up to meterStop − meterStart; without readings in between, the session is one
 * charging period.
 */
public final class ChargingPeriods {

    /** An energy register reading, in Wh. */
    public record Reading(Instant at, BigDecimal wh) {
    }

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    private ChargingPeriods() {
    }

    public static List<ChargingPeriod> of(Instant start, Instant stop, long meterStartWh, long meterStopWh, List<Reading> readings) {
        Instant end = stop.isBefore(start) ? start : stop;
        BigDecimal first = BigDecimal.valueOf(meterStartWh);
        BigDecimal last = BigDecimal.valueOf(Math.max(meterStartWh, meterStopWh));
        List<Reading> points = new ArrayList<>();
        points.add(new Reading(start, first));
        BigDecimal previous = first;
        for (Reading reading : readings.stream().sorted(Comparator.comparing(Reading::at)).toList()) {
            boolean inside = reading.at().isAfter(start) && reading.at().isBefore(end);
            // a reading the register contradicts (below an earlier one, above the final one) is left out, not bent to fit
            if (inside && reading.wh().compareTo(previous) >= 0 && reading.wh().compareTo(last) <= 0) {
                points.add(reading);
                previous = reading.wh();
            }
        }
        points.add(new Reading(end, last));
        if (points.size() == 2) {
            return List.of(charging(start, last.subtract(first), Duration.between(start, end)));
        }
        List<ChargingPeriod> periods = new ArrayList<>();
        boolean charged = false;
        Boolean parking = null;
        Instant periodStart = start;
        BigDecimal energy = BigDecimal.ZERO;
        Duration duration = Duration.ZERO;
        for (int i = 1; i < points.size(); i++) {
            Reading from = points.get(i - 1);
            Reading to = points.get(i);
            Duration span = Duration.between(from.at(), to.at());
            if (span.isZero()) {
                continue;
            }
            BigDecimal delta = to.wh().subtract(from.wh());
            boolean rose = delta.signum() > 0;
            boolean parks = charged && !rose;
            charged |= rose;
            if (parking != null && parks != parking) {
                periods.add(period(parking, periodStart, energy, duration));
                periodStart = from.at();
                energy = BigDecimal.ZERO;
                duration = Duration.ZERO;
            }
            parking = parks;
            energy = energy.add(delta);
            duration = duration.plus(span);
        }
        periods.add(period(parking != null && parking, periodStart, energy, duration));
        return List.copyOf(periods);
    }

    private static ChargingPeriod period(boolean parking, Instant start, BigDecimal energyWh, Duration duration) {
        return parking ? ChargingPeriod.of(start, new CdrDimension(CdrDimensionType.PARKING_TIME, hours(duration)))
                : charging(start, energyWh, duration);
    }

    private static ChargingPeriod charging(Instant start, BigDecimal energyWh, Duration duration) {
        return ChargingPeriod.of(start, new CdrDimension(CdrDimensionType.ENERGY, kwh(energyWh)),
                new CdrDimension(CdrDimensionType.TIME, hours(duration)));
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
