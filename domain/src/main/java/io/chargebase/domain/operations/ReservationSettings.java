package io.chargebase.domain.operations;

import java.time.Duration;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * A tenant's reservation settings (manual: Settings, Reservations): whether drivers may reserve an EVSE from the app;
 * how long a reservation holds it (an EVSE's own reservation time comes first, and 0 there disables reservations at
 * it); how long before the end the driver is reminded (0: never); how many reservations a driver may make in any 24
 * hours; and the cool-down a driver waits after a reservation they let run out or cancelled before making the next.
 */
public record ReservationSettings(boolean enabled, Duration duration, Duration reminder, int maxPerDay, Duration coolDown) {

    /** Off until the tenant offers it; then 15 minutes, reminded 5 minutes before the end, 3 a day, 30 minutes apart. */
    public static final ReservationSettings DEFAULTS = new ReservationSettings(false, Duration.ofMinutes(15), Duration.ofMinutes(5), 3,
            Duration.ofMinutes(30));

    /** The same settings, or a failure naming the first that is out of range. */
    public ReservationSettings validated() {
        minutes("durationMinutes", duration, 1, 1440);
        minutes("reminderMinutes", reminder, 0, 1440);
        minutes("coolDownMinutes", coolDown, 0, 1440);
        if (maxPerDay < 1 || maxPerDay > 100) {
            throw new DomainException(ErrorCode.INVALID, "maxPerDay", "From 1 to 100 reservations a day.");
        }
        if (reminder.compareTo(duration) >= 0) {
            throw new DomainException(ErrorCode.OUT_OF_ORDER, "reminderMinutes", "The reminder comes before the reservation ends: less than its duration.");
        }
        return this;
    }

    private static void minutes(String field, Duration value, long min, long max) {
        if (value == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "A number of minutes is required.");
        }
        if (value.toMinutes() < min || value.toMinutes() > max || value.toSeconds() % 60 != 0) {
            throw new DomainException(ErrorCode.INVALID, field, "Whole minutes from " + min + " to " + max + ".");
        }
    }
}
