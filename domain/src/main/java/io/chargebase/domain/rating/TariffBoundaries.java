package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a tariff's restrictions can change their verdict during a session, for whoever cuts the session into charging
 * periods (OCPI: the CPO starts a new period whenever a parameter the tariff depends on changes). Time-based
 * boundaries (times of day, local midnights for dates and weekdays, session durations) are instants; the others are
 * thresholds the session crosses at an instant only its readings tell: kWh charged so far, power (kW) and current (A).
 * Reservation elements are left out: they price time before the session.
 */
public final class TariffBoundaries {

    /** No boundaries: a session is cut only where charging and parking alternate. */
    public static final TariffBoundaries NONE = new TariffBoundaries(new Restrictions[0], List.of(), List.of(), List.of());

    private final RestrictionBoundaries times;
    private final List<BigDecimal> kwh;
    private final List<BigDecimal> powerKw;
    private final List<BigDecimal> currentA;

    private TariffBoundaries(Restrictions[] timed, List<BigDecimal> kwh, List<BigDecimal> powerKw, List<BigDecimal> currentA) {
        this.times = new RestrictionBoundaries(timed);
        this.kwh = kwh;
        this.powerKw = powerKw;
        this.currentA = currentA;
    }

    public static TariffBoundaries of(Tariff tariff, RatingRules rules) {
        List<TariffElement> elements = tariff.elements().stream().filter(e -> e.restrictions().reservation() == null).toList();
        Restrictions[] timed = new Restrictions[elements.size()];
        TreeSet<BigDecimal> kwh = new TreeSet<>();
        TreeSet<BigDecimal> power = new TreeSet<>();
        TreeSet<BigDecimal> current = new TreeSet<>();
        for (int i = 0; i < elements.size(); i++) {
            TariffElement element = elements.get(i);
            Restrictions r = element.restrictions();
            boolean parkingOnly = element.priceComponents().stream().allMatch(c -> c.type() == Dimension.PARKING_TIME);
            // an idle fee's grace counts from the end of charging: the engine splits the parking stretch itself
            timed[i] = rules.idleGraceFromEndOfCharging() && parkingOnly && (r.minDuration() != null || r.maxDuration() != null)
                    ? new Restrictions(r.startTime(), r.endTime(), r.startDate(), r.endDate(), null, null, null, null, null, null, null, null,
                            r.daysOfWeek(), null)
                    : r;
            addIfPresent(kwh, r.minKwh());
            addIfPresent(kwh, r.maxKwh());
            if (!rules.powerBySessionAverage()) {
                addIfPresent(power, r.minPower());
                addIfPresent(power, r.maxPower());
            }
            addIfPresent(current, r.minCurrent());
            addIfPresent(current, r.maxCurrent());
        }
        return new TariffBoundaries(timed, List.copyOf(kwh), List.copyOf(power), List.copyOf(current));
    }

    /** The time-based boundaries strictly between {@code from} and {@code to}, in order, in the location's wall clock. */
    public List<Instant> within(Instant from, Instant to, Instant sessionStart, ZoneId zone) {
        return times.any() ? times.within(from, to, sessionStart, zone) : List.of();
    }

    /** min_kwh and max_kwh bounds, ascending, in kWh charged since the start of the session. */
    public List<BigDecimal> kwhThresholds() {
        return kwh;
    }

    /** min_power and max_power bounds, ascending, in kW; none when a level is chosen by the session's average. */
    public List<BigDecimal> powerThresholdsKw() {
        return powerKw;
    }

    /** min_current and max_current bounds, ascending, in A. */
    public List<BigDecimal> currentThresholdsA() {
        return currentA;
    }

    /** Which side of the thresholds a value lies on (0 below the first; minima inclusive, maxima exclusive). */
    public static int band(List<BigDecimal> thresholds, BigDecimal value) {
        int band = 0;
        for (BigDecimal threshold : thresholds) {
            if (value.compareTo(threshold) >= 0) {
                band++;
            }
        }
        return band;
    }

    private static void addIfPresent(TreeSet<BigDecimal> set, BigDecimal value) {
        if (value != null) {
            set.add(value.stripTrailingZeros());
        }
    }
}
