package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The conditions of one charging period against which restrictions are evaluated: the local date and time at its
 * start (so across midnight and across DST changes the wall clock decides), the session time and energy so far,
 * and the period's power and current. Mutable and reused across periods of one rating, to keep rating allocation-light.
 */
final class PeriodConditions {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int END_OF_DAY = 86_400;

    long localEpochDay;
    int localSecondOfDay;
    DayOfWeek dayOfWeek;
    long sessionSeconds;
    BigDecimal energySoFar = BigDecimal.ZERO;
    private ChargingPeriod period;
    private ZoneRules offsetRules;
    private int offsetSeconds;
    private long offsetFrom;
    private long offsetUntil;
    private long periodSeconds;
    private BigDecimal averagePower;
    private boolean averagePowerKnown;
    /** Set for the operator's power levels: one power for every period, its maximum inclusive. */
    private boolean sessionAverage;
    private BigDecimal sessionAveragePower;

    void sessionAveragePower(BigDecimal kw) {
        sessionAverage = true;
        sessionAveragePower = kw;
    }

    void moveTo(ChargingPeriod period, Instant sessionStart, Instant periodEnd, ZoneRules rules) {
        moveTo(period, period.start(), sessionStart, periodEnd, rules);
    }

    /** To {@code start}, which is the period's start or, when the engine splits a period, a point inside it. */
    void moveTo(ChargingPeriod period, Instant start, Instant sessionStart, Instant periodEnd, ZoneRules rules) {
        this.period = period;
        long local = start.getEpochSecond() + offset(start, rules);
        localEpochDay = Math.floorDiv(local, SECONDS_PER_DAY);
        localSecondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        dayOfWeek = DayOfWeek.of((int) Math.floorMod(localEpochDay + 3, 7) + 1);
        sessionSeconds = start.getEpochSecond() - sessionStart.getEpochSecond();
        periodSeconds = periodEnd.getEpochSecond() - start.getEpochSecond();
        averagePower = null;
        averagePowerKnown = false;
    }

    /** The zone's offset at {@code at}, looked up again only when a DST transition lies between periods. */
    private int offset(Instant at, ZoneRules rules) {
        long second = at.getEpochSecond();
        if (rules != offsetRules || second < offsetFrom || second >= offsetUntil) {
            offsetRules = rules;
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition next = rules.isFixedOffset() ? null : rules.nextTransition(at);
            offsetFrom = second;
            offsetUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return offsetSeconds;
    }

    boolean holds(Restrictions r) {
        return timeOfDay(r) && dates(r) && days(r) && kwh(r) && duration(r)
                && (r.minPower() == null || atLeast(r.minPower(), power(CdrDimensionType.MIN_POWER)))
                && (r.maxPower() == null || (sessionAverage ? atMost(r.maxPower(), sessionAveragePower) : below(r.maxPower(), power(CdrDimensionType.MAX_POWER))))
                && (r.minCurrent() == null || atLeast(r.minCurrent(), current(CdrDimensionType.MIN_CURRENT)))
                && (r.maxCurrent() == null || below(r.maxCurrent(), current(CdrDimensionType.MAX_CURRENT)));
    }

    private boolean timeOfDay(Restrictions r) {
        if (r.startTime() == null && r.endTime() == null) {
            return true;
        }
        int from = r.startTime() == null ? 0 : r.startTime().toSecondOfDay();
        int until = r.endTime() == null || r.endTime().toSecondOfDay() == 0 ? END_OF_DAY : r.endTime().toSecondOfDay();
        return from < until
                ? localSecondOfDay >= from && localSecondOfDay < until
                : localSecondOfDay >= from || localSecondOfDay < until;
    }

    private boolean dates(Restrictions r) {
        return (r.startDate() == null || localEpochDay >= r.startDate().toEpochDay())
                && (r.endDate() == null || localEpochDay < r.endDate().toEpochDay());
    }

    private boolean days(Restrictions r) {
        return r.daysOfWeek().isEmpty() || r.daysOfWeek().contains(dayOfWeek);
    }

    boolean kwh(Restrictions r) {
        return (r.minKwh() == null || energySoFar.compareTo(r.minKwh()) >= 0)
                && (r.maxKwh() == null || energySoFar.compareTo(r.maxKwh()) < 0);
    }

    private boolean duration(Restrictions r) {
        return (r.minDuration() == null || sessionSeconds >= r.minDuration())
                && (r.maxDuration() == null || sessionSeconds < r.maxDuration());
    }

    /** A bound that cannot be checked because the period lacks the measurement does not hold: nothing is priced on a guess. */
    private static boolean atLeast(BigDecimal min, BigDecimal value) {
        return min == null || value != null && value.compareTo(min) >= 0;
    }

    private static boolean atMost(BigDecimal max, BigDecimal value) {
        return max == null || value != null && value.compareTo(max) <= 0;
    }

    private static boolean below(BigDecimal max, BigDecimal value) {
        return max == null || value != null && value.compareTo(max) < 0;
    }

    /** MIN_POWER for minima and MAX_POWER for maxima when measured, else POWER, else energy over charging time. */
    private BigDecimal power(CdrDimensionType bound) {
        if (sessionAverage) {
            return sessionAveragePower;
        }
        BigDecimal measured = period.volume(bound);
        if (measured == null) {
            measured = period.volume(CdrDimensionType.POWER);
        }
        return measured != null ? measured : averagePower();
    }

    private BigDecimal current(CdrDimensionType bound) {
        BigDecimal measured = period.volume(bound);
        return measured != null ? measured : period.volume(CdrDimensionType.CURRENT);
    }

    private BigDecimal averagePower() {
        if (!averagePowerKnown) {
            averagePowerKnown = true;
            BigDecimal energy = period.volume(CdrDimensionType.ENERGY);
            BigDecimal hours = period.volume(CdrDimensionType.TIME);
            if (hours == null || hours.signum() == 0) {
                hours = periodSeconds > 0 ? BigDecimal.valueOf(periodSeconds).divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64) : null;
            }
            averagePower = energy == null || hours == null ? null : energy.divide(hours, MathContext.DECIMAL64);
        }
        return averagePower;
    }
}
