package io.chargebase.domain.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The instants at which a tariff's time-based restrictions can change their verdict: session durations (min/max
 * duration), local times of day, and local midnights (dates, days of week). Local times follow the zone's wall clock,
 * so a boundary in a DST gap moves to the first valid instant after it.
 */
final class RestrictionBoundaries {

    private final TreeSet<Long> durations = new TreeSet<>();
    private final TreeSet<LocalTime> timesOfDay = new TreeSet<>();

    RestrictionBoundaries(Restrictions[] restrictions) {
        for (Restrictions r : restrictions) {
            if (r.minDuration() != null) {
                durations.add(r.minDuration().longValue());
            }
            if (r.maxDuration() != null) {
                durations.add(r.maxDuration().longValue());
            }
            if (r.startTime() != null) {
                timesOfDay.add(r.startTime());
            }
            if (r.endTime() != null) {
                timesOfDay.add(r.endTime());
            }
            if (r.startDate() != null || r.endDate() != null || !r.daysOfWeek().isEmpty()) {
                timesOfDay.add(LocalTime.MIDNIGHT);
            }
        }
    }

    boolean any() {
        return !durations.isEmpty() || !timesOfDay.isEmpty();
    }

    /** The boundaries strictly between {@code from} and {@code to}, in order. */
    List<Instant> within(Instant from, Instant to, Instant sessionStart, ZoneId zone) {
        TreeSet<Instant> cuts = new TreeSet<>();
        for (long seconds : durations) {
            add(cuts, sessionStart.plusSeconds(seconds), from, to);
        }
        if (!timesOfDay.isEmpty()) {
            LocalDate last = to.atZone(zone).toLocalDate();
            for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                for (LocalTime time : timesOfDay) {
                    add(cuts, day.atTime(time).atZone(zone).toInstant(), from, to);
                }
            }
        }
        return new ArrayList<>(cuts);
    }

    private static void add(TreeSet<Instant> cuts, Instant cut, Instant from, Instant to) {
        if (cut.isAfter(from) && cut.isBefore(to)) {
            cuts.add(cut);
        }
    }
}
