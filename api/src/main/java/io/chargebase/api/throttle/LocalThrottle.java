package io.chargebase.api.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} events per key within a sliding {@code window}, counted in this replica's memory. The map
 * holds at most {@code capacity} keys: the key touched longest ago is forgotten first, so a flood of new keys costs
 * a bounded amount of memory and can only make the throttle forget callers who have been quiet the longest.
 */
public final class LocalThrottle {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events;

    public LocalThrottle(int limit, Duration window, int capacity, Clock clock) {
        if (limit < 1 || capacity < 1) {
            throw new IllegalArgumentException("limit and capacity must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.events = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code limit} events were already counted under {@code key} within the window. */
    public boolean isExhausted(String key) {
        Instant now = clock.instant();
        synchronized (events) {
            Deque<Instant> recent = events.get(key);
            return recent != null && prune(recent, now) >= limit;
        }
    }

    /** Counts one event under {@code key}. */
    public void record(String key) {
        Instant now = clock.instant();
        synchronized (events) {
            Deque<Instant> recent = events.computeIfAbsent(key, ignored -> new ArrayDeque<>());
            prune(recent, now);
            if (recent.size() >= limit) {
                // only whether the limit is reached matters: the oldest makes room, so a key never holds more than limit
                recent.pollFirst();
            }
            recent.addLast(now);
        }
    }

    /** Counts one event and says whether it was within the limit; an event over the limit is not counted. */
    public boolean tryAcquire(String key) {
        synchronized (events) {
            if (isExhausted(key)) {
                return false;
            }
            record(key);
            return true;
        }
    }

    /** How long until an exhausted key has room again (zero when it has room now). */
    public Duration retryAfter(String key) {
        Instant now = clock.instant();
        synchronized (events) {
            Deque<Instant> recent = events.get(key);
            if (recent == null || prune(recent, now) < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, recent.peekFirst().plus(window));
        }
    }

    int size() {
        synchronized (events) {
            return events.size();
        }
    }

    private int prune(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.pollFirst();
        }
        return recent.size();
    }
}
