package io.chargebase.api.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition that another thread or instance brings about (a PostgreSQL notification arriving, a socket
 * closing): reads the value until it satisfies the condition or the time is up, and returns the last one read, for
 * the assertion that follows to show.
 */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T value(Supplier<T> read, Predicate<T> condition) {
        return value(read, condition, Duration.ofSeconds(10));
    }

    public static <T> T value(Supplier<T> read, Predicate<T> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T value = read.get();
        while (!condition.test(value) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
            value = read.get();
        }
        return value;
    }
}
