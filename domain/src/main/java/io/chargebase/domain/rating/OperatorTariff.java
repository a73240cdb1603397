package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * The tariff types an operator sets up in the admin (Free, Flat rate, Duration + Energy, Duration + Energy by time of
 * day, Power levels, optionally with an idle fee), each compiling into an OCPI {@link Tariff} so the one engine prices
 * them and roaming partners receive exactly what we rate with. Prices are excl. VAT; one VAT rate applies to all.
 */
public sealed interface OperatorTariff {

    Tariff compile(Currency currency, BigDecimal vatPercent);

    /** How the engine reads the compiled tariff: as OCPI does, unless the type means more than OCPI can say. */
    default RatingRules rules() {
        return RatingRules.OCPI;
    }

    /** This tariff plus an idle fee on parking time. */
    default OperatorTariff withIdleFee(IdleFee idleFee) {
        return new WithIdleFee(this, idleFee);
    }

    /** Charging costs nothing; the session is still recorded and rated (at zero). */
    record Free() implements OperatorTariff {
        @Override
        public Tariff compile(Currency currency, BigDecimal vatPercent) {
            return tariff(currency, List.of(TariffElement.of(null, component(Dimension.FLAT, BigDecimal.ZERO, vatPercent, 0))));
        }
    }

    /** One price per session, whatever its energy or duration. */
    record FlatPerSession(BigDecimal price) implements OperatorTariff {
        public FlatPerSession {
            Objects.requireNonNull(price, "price");
        }

        @Override
        public Tariff compile(Currency currency, BigDecimal vatPercent) {
            return tariff(currency, List.of(TariffElement.of(null, component(Dimension.FLAT, price, vatPercent, 0))));
        }
    }

    /**
     * A connection fee at the start, a price per kWh and a price per hour of charging; an absent price is not charged.
     * Step sizes are in seconds for time and Wh for energy (1 bills per second and per Wh).
     */
    record DurationAndEnergy(BigDecimal connectionFee, BigDecimal perKwh, BigDecimal perHour, int timeStepSeconds, int energyStepWh)
            implements OperatorTariff {

        public static DurationAndEnergy of(String connectionFee, String perKwh, String perHour) {
            return new DurationAndEnergy(decimal(connectionFee), decimal(perKwh), decimal(perHour), 1, 1);
        }

        @Override
        public Tariff compile(Currency currency, BigDecimal vatPercent) {
            List<TariffElement> elements = new ArrayList<>();
            if (connectionFee != null) {
                elements.add(TariffElement.of(null, component(Dimension.FLAT, connectionFee, vatPercent, 0)));
            }
            elements.add(usage(null, perKwh, perHour, vatPercent, timeStepSeconds, energyStepWh));
            return tariff(currency, elements);
        }
    }

    /**
     * Day and night prices per kWh and per hour, switching at {@code dayStart} and {@code nightStart} in the location's
     * local time (the night may run past midnight; DST changes follow the wall clock), plus an optional connection fee.
     */
    record DayNight(LocalTime dayStart, LocalTime nightStart, BigDecimal dayPerKwh, BigDecimal nightPerKwh,
            BigDecimal dayPerHour, BigDecimal nightPerHour, BigDecimal connectionFee) implements OperatorTariff {

        public DayNight {
            Objects.requireNonNull(dayStart, "dayStart");
            Objects.requireNonNull(nightStart, "nightStart");
            if (dayStart.equals(nightStart)) {
                throw new DomainException(ErrorCode.INVALID, "nightStart", "Day and night cannot start at the same time.");
            }
        }

        public static DayNight perKwh(String dayStart, String nightStart, String dayPerKwh, String nightPerKwh) {
            return new DayNight(LocalTime.parse(dayStart), LocalTime.parse(nightStart), decimal(dayPerKwh), decimal(nightPerKwh), null, null, null);
        }

        @Override
        public Tariff compile(Currency currency, BigDecimal vatPercent) {
            List<TariffElement> elements = new ArrayList<>();
            if (connectionFee != null) {
                elements.add(TariffElement.of(null, component(Dimension.FLAT, connectionFee, vatPercent, 0)));
            }
            elements.add(usage(Restrictions.builder().timeOfDay(dayStart, nightStart).build(), dayPerKwh, dayPerHour, vatPercent, 1, 1));
            elements.add(usage(Restrictions.builder().timeOfDay(nightStart, dayStart).build(), nightPerKwh, nightPerHour, vatPercent, 1, 1));
            return tariff(currency, elements);
        }
    }

    /**
     * A price per minute of charging by charging power. As the admin manual describes, the level is chosen once for the
     * whole session by its average power, its energy divided by its charging time, however many periods report it:
     * above minKw and up to maxKw inclusive (a session averaging exactly 11 kW pays the level that ends at 11 kW); the
     * highest level is open upwards. The compiled OCPI tariff carries the levels as min_power and max_power, and
     * {@link #rules()} tells the engine to judge them by the session's average. A session without charging time cannot
     * be placed in a level: CDRs for it are refused before rating.
     */
    record PowerLevels(List<PowerLevel> levels) implements OperatorTariff {

        @Override
        public RatingRules rules() {
            return new RatingRules(true, false);
        }

        public PowerLevels {
            levels = levels == null ? List.of() : levels.stream().sorted(Comparator.comparing(PowerLevel::minKw)).toList();
            if (levels.isEmpty()) {
                throw new DomainException(ErrorCode.REQUIRED, "levels", "Power levels need at least one level.");
            }
            for (int i = 1; i < levels.size(); i++) {
                if (levels.get(i).minKw().compareTo(levels.get(i - 1).maxKw()) < 0) {
                    throw new DomainException(ErrorCode.OUT_OF_ORDER, "levels[" + i + "].minKw", "Power levels overlap.");
                }
            }
        }

        @Override
        public Tariff compile(Currency currency, BigDecimal vatPercent) {
            List<TariffElement> elements = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                PowerLevel level = levels.get(i);
                boolean top = i == levels.size() - 1;
                Restrictions power = Restrictions.builder()
                        .power(level.minKw().signum() == 0 ? null : level.minKw(), top ? null : level.maxKw())
                        .build();
                elements.add(TariffElement.of(power, component(Dimension.TIME, level.pricePerMinute().multiply(BigDecimal.valueOf(60)), vatPercent, 1)));
            }
            return tariff(currency, elements);
        }
    }

    /** One band of {@link PowerLevels}: above minKw, up to maxKw inclusive (a level starts where the one below ends). */
    record PowerLevel(BigDecimal minKw, BigDecimal maxKw, BigDecimal pricePerMinute) {

        public PowerLevel {
            Objects.requireNonNull(minKw, "minKw");
            Objects.requireNonNull(maxKw, "maxKw");
            Objects.requireNonNull(pricePerMinute, "pricePerMinute");
            if (minKw.signum() < 0 || minKw.compareTo(maxKw) >= 0) {
                throw new DomainException(ErrorCode.OUT_OF_ORDER, "maxKw", "A power level needs 0 <= minKw < maxKw.");
            }
        }

        public static PowerLevel of(String minKw, String maxKw, String pricePerMinute) {
            return new PowerLevel(new BigDecimal(minKw), new BigDecimal(maxKw), new BigDecimal(pricePerMinute));
        }
    }

    /**
     * A price per minute of parking (connected, not charging) once the car has stood {@code graceMinutes} after it
     * stopped drawing power, as operators mean it. OCPI can only measure durations from the start of the session, so
     * the compiled elements carry the grace as min/max_duration and {@link RatingRules#idleGraceFromEndOfCharging()}
     * tells the engine to count those of parking elements from the start of each parking stretch.
     */
    record IdleFee(BigDecimal perMinute, int graceMinutes) {

        public IdleFee {
            Objects.requireNonNull(perMinute, "perMinute");
            if (graceMinutes < 0) {
                throw new DomainException(ErrorCode.INVALID, "graceMinutes", "A grace period cannot be negative.");
            }
        }

        List<TariffElement> elements(BigDecimal vatPercent) {
            List<TariffElement> elements = new ArrayList<>();
            int graceSeconds = graceMinutes * 60;
            if (graceSeconds > 0) {
                elements.add(TariffElement.of(Restrictions.builder().duration(null, graceSeconds).build(),
                        component(Dimension.PARKING_TIME, BigDecimal.ZERO, vatPercent, 1)));
            }
            elements.add(TariffElement.of(Restrictions.builder().duration(graceSeconds > 0 ? graceSeconds : null, null).build(),
                    component(Dimension.PARKING_TIME, perMinute.multiply(BigDecimal.valueOf(60)), vatPercent, 1)));
            return elements;
        }
    }

    /** Any tariff with an idle fee: its elements, then the idle fee's parking elements. */
    record WithIdleFee(OperatorTariff base, IdleFee idleFee) implements OperatorTariff {

        @Override
        public RatingRules rules() {
            return base.rules().withIdleGraceFromEndOfCharging();
        }

        public WithIdleFee {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(idleFee, "idleFee");
        }

        @Override
        public Tariff compile(Currency currency, BigDecimal vatPercent) {
            List<TariffElement> elements = new ArrayList<>(base.compile(currency, vatPercent).elements());
            elements.addAll(idleFee.elements(vatPercent));
            return tariff(currency, elements);
        }
    }

    private static Tariff tariff(Currency currency, List<TariffElement> elements) {
        return new Tariff(currency, TariffType.REGULAR, List.of(), elements, null, null, null, null);
    }

    private static TariffElement usage(Restrictions restrictions, BigDecimal perKwh, BigDecimal perHour, BigDecimal vatPercent,
            int timeStep, int energyStep) {
        List<PriceComponent> components = new ArrayList<>();
        if (perKwh != null) {
            components.add(component(Dimension.ENERGY, perKwh, vatPercent, energyStep));
        }
        if (perHour != null) {
            components.add(component(Dimension.TIME, perHour, vatPercent, timeStep));
        }
        if (components.isEmpty()) {
            components.add(component(Dimension.ENERGY, BigDecimal.ZERO, vatPercent, 1));
        }
        return new TariffElement(components, restrictions);
    }

    private static PriceComponent component(Dimension type, BigDecimal price, BigDecimal vatPercent, int stepSize) {
        return new PriceComponent(type, price, vatPercent, stepSize);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
