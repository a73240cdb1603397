package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prices a session under an OCPI 2.2.1 tariff. Pure and thread-safe: no state, no clock, no framework.
 *
 * <p>Each charging period is judged at its start, in the location's local time: for every dimension it measured
 * (ENERGY, TIME, PARKING_TIME, RESERVATION_TIME) the first element whose restrictions hold and that has a component of
 * that dimension prices its whole volume (OCPI makes the CPO start a new period wherever a restriction may change;
 * mod_cdrs "CDR ChargingPeriods"). The one exception is energy crossing a min_kwh or max_kwh bound inside a period: the
 * kWh on each side of the bound are known exactly, so they are priced by the element valid on each side. A volume no
 * element prices is free. Reservation time and fees are priced only by elements with a reservation restriction;
 * RESERVATION_EXPIRES elements come first when the session has no period other than reservation.
 *
 * <p>FLAT is charged once, by the first period in which an element with a FLAT component applies. step_size applies
 * once per session and dimension (mod_cdrs "step_size"): the session's total volume is rounded up to the step size of
 * the component that priced the dimension last, and the difference is priced by that component. TIME is not rounded
 * when parking was priced (charging is followed by parking; only parking is rounded). VAT is per component; a
 * component without VAT is rated at 0 %. Finally the total is held within min_price and max_price.
 *
 * <p>{@link RatingRules} other than {@link RatingRules#OCPI} read two things as the operator's tariff types mean them:
 * power restrictions judged once by the session's average power, its maximum inclusive; and the durations of a
 * parking stretch counted from its start, the end of charging.
 */
public final class RatingEngine {

    static final int ENERGY = 0;
    static final int TIME = 1;
    static final int PARKING = 2;
    static final int RESERVATION = 3;
    static final int FLAT = 4;
    private static final Dimension[] PRICED_AS = {Dimension.ENERGY, Dimension.TIME, Dimension.PARKING_TIME, Dimension.TIME, Dimension.FLAT};
    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    public Rating rate(Tariff tariff, RatingInput input) {
        return rate(tariff, input, RatingRules.OCPI);
    }

    /** Rates with the operator's reading of the tariff where it differs from OCPI's (see {@link RatingRules}). */
    public Rating rate(Tariff tariff, RatingInput input, RatingRules rules) {
        return new Run(tariff, input, rules).rate();
    }

    /** The state of one rating; never shared between threads. */
    private static final class Run {

        private final Tariff tariff;
        private final RatingInput input;
        private final RatingRules ratingRules;
        private final int size;
        private final Restrictions[] restrictions;
        private final PriceComponent[][] components;
        private final BigDecimal[] kwhBounds;
        private final boolean expiredReservation;
        private final byte[] holds;
        private final BigDecimal[][] priced;
        private final BigDecimal[] measured = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        private final int[] last = {-1, -1, -1, -1};
        private final List<PricedBy> pricedBy = new ArrayList<>();
        private final PeriodConditions conditions = new PeriodConditions();
        private final RestrictionBoundaries boundaries;
        private int flat = -1;
        private int reservationFlat = -1;

        Run(Tariff tariff, RatingInput input, RatingRules rules) {
            this.tariff = tariff;
            this.input = input;
            this.ratingRules = rules;
            List<TariffElement> elements = tariff.elements();
            size = elements.size();
            restrictions = new Restrictions[size];
            components = new PriceComponent[5][size];
            priced = new BigDecimal[4][size];
            holds = new byte[size];
            List<BigDecimal> bounds = new ArrayList<>(0);
            for (int e = 0; e < size; e++) {
                TariffElement element = elements.get(e);
                restrictions[e] = element.restrictions();
                for (PriceComponent component : element.priceComponents()) {
                    int slot = switch (component.type()) {
                        case ENERGY -> ENERGY;
                        case TIME -> restrictions[e].reservation() == null ? TIME : RESERVATION;
                        case PARKING_TIME -> PARKING;
                        case FLAT -> FLAT;
                    };
                    if (components[slot][e] == null) {
                        components[slot][e] = component;
                    }
                }
                if (restrictions[e].minKwh() != null) {
                    bounds.add(restrictions[e].minKwh());
                }
                if (restrictions[e].maxKwh() != null) {
                    bounds.add(restrictions[e].maxKwh());
                }
            }
            kwhBounds = bounds.toArray(BigDecimal[]::new);
            Arrays.sort(kwhBounds);
            boundaries = new RestrictionBoundaries(restrictions);
            boolean reservationsOnly = !input.periods().isEmpty();
            for (ChargingPeriod period : input.periods()) {
                reservationsOnly &= onlyReservation(period);
            }
            expiredReservation = reservationsOnly;
            if (rules.powerBySessionAverage()) {
                conditions.sessionAveragePower(sessionAveragePower(input.periods()));
            }
        }

        /** The session's energy over its charging time, in kW; null when it charged for no measured time. */
        private static BigDecimal sessionAveragePower(List<ChargingPeriod> periods) {
            BigDecimal energy = BigDecimal.ZERO;
            BigDecimal hours = BigDecimal.ZERO;
            for (ChargingPeriod period : periods) {
                BigDecimal kwh = period.volume(CdrDimensionType.ENERGY);
                BigDecimal time = period.volume(CdrDimensionType.TIME);
                energy = kwh == null ? energy : energy.add(kwh);
                hours = time == null ? hours : hours.add(time);
            }
            return hours.signum() == 0 ? null : energy.divide(hours, MathContext.DECIMAL64);
        }

        Rating rate() {
            ZoneRules rules = input.timeZone().getRules();
            List<ChargingPeriod> periods = input.periods();
            Instant parkingSince = null;
            for (int i = 0; i < periods.size(); i++) {
                ChargingPeriod period = periods.get(i);
                Instant end = i + 1 < periods.size() ? periods.get(i + 1).start() : input.end();
                boolean parks = period.volume(CdrDimensionType.PARKING_TIME) != null && period.volume(CdrDimensionType.ENERGY) == null
                        && period.volume(CdrDimensionType.TIME) == null;
                parkingSince = !parks ? null : parkingSince == null ? period.start() : parkingSince;
                // durations count from plug-in, or, for the operator's idle fee, from the end of charging
                Instant origin = ratingRules.idleGraceFromEndOfCharging() && parkingSince != null ? parkingSince : input.start();
                conditions.moveTo(period, origin, end, rules);
                Arrays.fill(holds, (byte) 0);
                if (flat < 0 && !onlyReservation(period)) {
                    flat = first(FLAT, false);
                    explainFlat(i, flat, false);
                }
                if (reservationFlat < 0 && period.volume(CdrDimensionType.RESERVATION_TIME) != null) {
                    reservationFlat = first(FLAT, true);
                    explainFlat(i, reservationFlat, true);
                }
                int split = splittable(period, end);
                if (split >= 0) {
                    priceSplit(i, period, end, split, rules, origin);
                    continue;
                }
                BigDecimal energy = null;
                for (CdrDimension dimension : period.dimensions()) {
                    switch (dimension.type()) {
                        case ENERGY -> energy = dimension.volume();
                        case TIME -> price(i, TIME, dimension.volume());
                        case PARKING_TIME -> price(i, PARKING, dimension.volume());
                        case RESERVATION_TIME -> price(i, RESERVATION, dimension.volume());
                        default -> {
                            // Power, current and state of charge only inform restrictions.
                        }
                    }
                }
                if (energy != null) {
                    priceEnergy(i, energy);
                }
            }
            BigDecimal[] billed = new BigDecimal[4];
            billed[ENERGY] = roundUp(ENERGY, WH_PER_KWH);
            billed[TIME] = last[PARKING] >= 0 ? measured[TIME] : roundUp(TIME, SECONDS_PER_HOUR);
            billed[PARKING] = roundUp(PARKING, SECONDS_PER_HOUR);
            billed[RESERVATION] = roundUp(RESERVATION, SECONDS_PER_HOUR);

            RatedLine energyLine = line(ENERGY, billed);
            RatedLine timeLine = line(TIME, billed);
            RatedLine parkingLine = line(PARKING, billed);
            RatedLine flatLine = flat < 0 ? RatedLine.none(Dimension.FLAT)
                    : new RatedLine(Dimension.FLAT, BigDecimal.ONE, BigDecimal.ONE, cost(components[FLAT][flat], BigDecimal.ONE));
            RatedLine reservationLine = line(RESERVATION, billed);
            if (reservationFlat >= 0) {
                reservationLine = new RatedLine(Dimension.TIME, reservationLine.quantity(), reservationLine.billedQuantity(),
                        reservationLine.cost().plus(cost(components[FLAT][reservationFlat], BigDecimal.ONE)));
            }
            Price total = energyLine.cost().plus(timeLine.cost()).plus(parkingLine.cost()).plus(flatLine.cost()).plus(reservationLine.cost());
            return new Rating(tariff.currency(), energyLine, timeLine, parkingLine, flatLine, reservationLine,
                    PriceLimits.apply(total, tariff.minPrice(), tariff.maxPrice()), pricedBy);
        }

        private void price(int period, int slot, BigDecimal volume) {
            measured[slot] = measured[slot].add(volume);
            int element = first(slot, slot == RESERVATION);
            if (element >= 0) {
                add(period, slot, element, volume);
            }
        }

        /**
         * The slot of a period that only measured time (charging or parking) and whose volume is its length on the
         * clock, or -1. Only for such a period is it known how much of it lies on each side of a restriction boundary.
         */
        private int splittable(ChargingPeriod period, Instant end) {
            if (!boundaries.any()) {
                return -1;
            }
            CdrDimension only = null;
            for (CdrDimension dimension : period.dimensions()) {
                switch (dimension.type()) {
                    case ENERGY, TIME, PARKING_TIME, RESERVATION_TIME -> {
                        if (only != null) {
                            return -1;
                        }
                        only = dimension;
                    }
                    default -> {
                        // Measurements that are not priced do not stop a split.
                    }
                }
            }
            int slot = only == null ? -1 : only.type() == CdrDimensionType.TIME ? TIME : only.type() == CdrDimensionType.PARKING_TIME ? PARKING : -1;
            long seconds = end.getEpochSecond() - period.start().getEpochSecond();
            boolean clockTime = slot >= 0 && seconds > 0
                    && only.volume().multiply(SECONDS_PER_HOUR).subtract(BigDecimal.valueOf(seconds)).abs().compareTo(BigDecimal.ONE) <= 0;
            return clockTime ? slot : -1;
        }

        /** Prices each piece of the period between restriction boundaries by the element valid in that piece. */
        private void priceSplit(int index, ChargingPeriod period, Instant end, int slot, ZoneRules rules, Instant origin) {
            List<Instant> cuts = boundaries.within(period.start(), end, origin, input.timeZone());
            BigDecimal volume = period.volume(slot == TIME ? CdrDimensionType.TIME : CdrDimensionType.PARKING_TIME);
            BigDecimal span = BigDecimal.valueOf(end.getEpochSecond() - period.start().getEpochSecond());
            measured[slot] = measured[slot].add(volume);
            BigDecimal left = volume;
            Instant from = period.start();
            for (int c = 0; c <= cuts.size(); c++) {
                Instant to = c < cuts.size() ? cuts.get(c) : end;
                BigDecimal part = c < cuts.size()
                        ? volume.multiply(BigDecimal.valueOf(to.getEpochSecond() - from.getEpochSecond())).divide(span, MathContext.DECIMAL64)
                        : left;
                if (c > 0) {
                    conditions.moveTo(period, from, origin, end, rules);
                    Arrays.fill(holds, (byte) 0);
                }
                int element = first(slot, false);
                if (element >= 0) {
                    add(index, slot, element, part);
                }
                left = left.subtract(part);
                from = to;
            }
        }

        private void priceEnergy(int period, BigDecimal volume) {
            measured[ENERGY] = measured[ENERGY].add(volume);
            BigDecimal remaining = volume;
            do {
                BigDecimal part = remaining;
                BigDecimal bound = nextKwhBound();
                if (bound != null && bound.subtract(conditions.energySoFar).compareTo(part) < 0) {
                    part = bound.subtract(conditions.energySoFar);
                }
                int element = first(ENERGY, false);
                if (element >= 0) {
                    add(period, ENERGY, element, part);
                }
                conditions.energySoFar = conditions.energySoFar.add(part);
                remaining = remaining.subtract(part);
                if (bound != null) {
                    Arrays.fill(holds, (byte) 0);
                }
            } while (remaining.signum() > 0);
        }

        private BigDecimal nextKwhBound() {
            for (BigDecimal bound : kwhBounds) {
                if (bound.compareTo(conditions.energySoFar) > 0) {
                    return bound;
                }
            }
            return null;
        }

        private void add(int period, int slot, int element, BigDecimal volume) {
            priced[slot][element] = priced[slot][element] == null ? volume : priced[slot][element].add(volume);
            last[slot] = element;
            pricedBy.add(new PricedBy(period, PRICED_AS[slot], slot == RESERVATION, element, volume));
        }

        private void explainFlat(int period, int element, boolean reservation) {
            if (element >= 0) {
                pricedBy.add(new PricedBy(period, Dimension.FLAT, reservation, element, BigDecimal.ONE));
            }
        }

        /** The first element that prices {@code slot} and applies now; -1 when none does. */
        private int first(int slot, boolean reservation) {
            if (reservation && expiredReservation) {
                int expired = first(slot, ReservationRestriction.RESERVATION_EXPIRES);
                return expired >= 0 ? expired : first(slot, ReservationRestriction.RESERVATION);
            }
            return first(slot, reservation ? ReservationRestriction.RESERVATION : null);
        }

        private int first(int slot, ReservationRestriction kind) {
            PriceComponent[] candidates = components[slot];
            for (int e = 0; e < size; e++) {
                if (candidates[e] != null && restrictions[e].reservation() == kind && holds(e)) {
                    return e;
                }
            }
            return -1;
        }

        private boolean holds(int element) {
            if (holds[element] == 0) {
                holds[element] = conditions.holds(restrictions[element]) ? (byte) 1 : (byte) 2;
            }
            return holds[element] == 1;
        }

        /** Rounds the session's volume up to the last pricing component's step and prices the difference there. */
        private BigDecimal roundUp(int slot, BigDecimal unitsPerQuantity) {
            int element = last[slot];
            if (element < 0 || components[slot][element].stepSize() <= 0) {
                return measured[slot];
            }
            BigDecimal step = BigDecimal.valueOf(components[slot][element].stepSize());
            BigDecimal units = measured[slot].multiply(unitsPerQuantity);
            // Hours are often given as rounded repeating decimals (10 min = 0.166667 h, 1.2 ms off; six decimals are up
            // to 1.8 ms off): a hundredth of a second, or a thousandth of a Wh, is far below any step, and rounding to
            // it keeps such noise from billing a whole extra step.
            int noise = unitsPerQuantity == SECONDS_PER_HOUR ? 2 : 3;
            if (units.scale() > noise) {
                units = units.setScale(noise, RoundingMode.HALF_UP);
            }
            BigDecimal billedUnits = units.divide(step, 0, RoundingMode.CEILING).multiply(step);
            BigDecimal extra = (unitsPerQuantity == WH_PER_KWH ? billedUnits.movePointLeft(3)
                    : billedUnits.divide(unitsPerQuantity, MathContext.DECIMAL64)).subtract(measured[slot]);
            if (extra.signum() <= 0) {
                return measured[slot];
            }
            priced[slot][element] = priced[slot][element].add(extra);
            return measured[slot].add(extra);
        }

        private RatedLine line(int slot, BigDecimal[] billed) {
            Price cost = Price.ZERO;
            for (int e = 0; e < size; e++) {
                if (priced[slot][e] != null) {
                    cost = cost.plus(cost(components[slot][e], priced[slot][e]));
                }
            }
            return new RatedLine(PRICED_AS[slot], measured[slot], billed[slot], cost);
        }

        private static Price cost(PriceComponent component, BigDecimal quantity) {
            BigDecimal exclVat = quantity.multiply(component.price());
            BigDecimal vat = component.vat() == null ? BigDecimal.ZERO : exclVat.multiply(component.vat()).movePointLeft(2);
            return new Price(exclVat, exclVat.add(vat));
        }

        private static boolean onlyReservation(ChargingPeriod period) {
            return period.volume(CdrDimensionType.ENERGY) == null && period.volume(CdrDimensionType.TIME) == null
                    && period.volume(CdrDimensionType.PARKING_TIME) == null;
        }
    }
}
