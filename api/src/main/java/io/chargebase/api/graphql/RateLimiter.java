package io.chargebase.api.graphql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Sliding-window limits for the public operations (sign-up, password reset), per key such as tenant and client
 * address. Kept in memory: each replica limits on its own, which bounds abuse by the replica count.
 */
@Component
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts an attempt under {@code key}; false when {@code limit} attempts were already made within {@code window}. */
    public boolean tryAcquire(String key, int limit, Duration window) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(now.minus(Duration.ofHours(1)));
                }
            });
        }
        Deque<Instant> attempts = windows.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        synchronized (attempts) {
            while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(now.minus(window))) {
                attempts.pollFirst();
            }
            if (attempts.size() >= limit) {
                return false;
            }
            attempts.addLast(now);
            return true;
        }
    }
}
