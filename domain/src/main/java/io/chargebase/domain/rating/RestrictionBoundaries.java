package io.chargebase.domain.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instants at which a tariff's time-based restrictions can change their verdict: session durations (min/max
 * duration), local times of day, and local midnights (dates, days of week). Local times follow the zone's wall clock,
 * so a boundary in a DST gap moves to the first valid instant after it.
 */
final class RestrictionBoundaries {

    private static final long SECONDS_PER_DAY = 86_400;

    private final long[] durations;
    private final int[] timesOfDay;

    RestrictionBoundaries(Restrictions[] restrictions) {
        long[] seconds = new long[restrictions.length * 2];
        int[] times = new int[restrictions.length * 2 + 1];
        int durationCount = 0;
        int timeCount = 0;
        boolean midnight = false;
        for (Restrictions r : restrictions) {
            if (r.minDuration() != null) {
                seconds[durationCount++] = r.minDuration();
            }
            if (r.maxDuration() != null) {
                seconds[durationCount++] = r.maxDuration();
            }
            if (r.startTime() != null) {
                times[timeCount++] = r.startTime().toSecondOfDay();
            }
            if (r.endTime() != null) {
                times[timeCount++] = r.endTime().toSecondOfDay();
            }
            midnight |= r.startDate() != null || r.endDate() != null || !r.daysOfWeek().isEmpty();
        }
        if (midnight) {
            times[timeCount++] = 0;
        }
        durations = Arrays.stream(seconds, 0, durationCount).sorted().distinct().toArray();
        timesOfDay = Arrays.stream(times, 0, timeCount).sorted().distinct().toArray();
    }

    boolean any() {
        return durations.length > 0 || timesOfDay.length > 0;
    }

    /** The boundaries strictly between {@code from} and {@code to}, in order. */
    List<Instant> within(Instant from, Instant to, Instant sessionStart, ZoneId zone) {
        List<Instant> cuts = new ArrayList<>(2);
        for (long seconds : durations) {
            add(cuts, sessionStart.plusSeconds(seconds), from, to);
        }
        if (timesOfDay.length > 0) {
            ZoneRules rules = zone.getRules();
            ZoneOffset offset = rules.getOffset(from);
            if (offset.equals(rules.getOffset(to))) {
                // No DST change inside: local times are a fixed shift away, no calendar arithmetic needed.
                long localFrom = from.getEpochSecond() + offset.getTotalSeconds();
                long localTo = to.getEpochSecond() + offset.getTotalSeconds();
                for (long day = Math.floorDiv(localFrom, SECONDS_PER_DAY) * SECONDS_PER_DAY; day < localTo; day += SECONDS_PER_DAY) {
                    for (int time : timesOfDay) {
                        add(cuts, Instant.ofEpochSecond(day + time - offset.getTotalSeconds()), from, to);
                    }
                }
            } else {
                LocalDate last = to.atZone(zone).toLocalDate();
                for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                    for (int time : timesOfDay) {
                        add(cuts, day.atTime(LocalTime.ofSecondOfDay(time)).atZone(zone).toInstant(), from, to);
                    }
                }
            }
        }
        if (cuts.size() > 1) {
            cuts = new ArrayList<>(cuts.stream().distinct().sorted().toList());
        }
        return cuts;
    }

    private static void add(List<Instant> cuts, Instant cut, Instant from, Instant to) {
        if (cut.isAfter(from) && cut.isBefore(to)) {
            cuts.add(cut);
        }
    }
}
