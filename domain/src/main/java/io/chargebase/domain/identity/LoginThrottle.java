package io.chargebase.domain.identity;

import java.time.Duration;
import java.time.Instant;

/** After {@value #MAX_FAILURES} wrong passwords in a row an account is locked for {@link #LOCK_TIME}. */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private LoginThrottle() {
    }

    public static boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** When the account locks after this failure, or {@code null} while it may try again. */
    public static Instant lockAfter(int failuresSoFar, Instant now) {
        return failuresSoFar + 1 >= MAX_FAILURES ? now.plus(LOCK_TIME) : null;
    }
}
