package io.chargebase.domain.rating;

/**
 * How the engine reads a tariff where the operator's tariff types mean something OCPI cannot say. OCPI tariffs (parsed
 * from JSON, or received from partners) are rated with {@link #OCPI}: every restriction is judged per charging period.
 * The admin manual's types differ in two places:
 * <ul>
 * <li>{@code powerBySessionAverage}: a power level is chosen once for the whole session by its average power
 * (its energy over its charging time), and a level's maximum includes its bound (OCPI's max_power excludes it);</li>
 * <li>{@code idleGraceFromEndOfCharging}: min/max_duration of elements that price parking count from the moment the car
 * stopped drawing power (the start of the parking stretch), not from plug-in.</li>
 * </ul>
 */
public record RatingRules(boolean powerBySessionAverage, boolean idleGraceFromEndOfCharging) {

    public static final RatingRules OCPI = new RatingRules(false, false);

    public RatingRules withIdleGraceFromEndOfCharging() {
        return new RatingRules(powerBySessionAverage, true);
    }
}
