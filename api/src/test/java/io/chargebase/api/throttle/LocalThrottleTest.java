package io.chargebase.api.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LocalThrottleTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void countsEventsInASlidingWindow() {
        LocalThrottle throttle = new LocalThrottle(3, Duration.ofMinutes(10), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAcquire("a")).isTrue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.tryAcquire("a")).isFalse();
        assertThat(throttle.tryAcquire("b")).isTrue();
        assertThat(throttle.retryAfter("a")).isEqualTo(Duration.ofMinutes(7));
        clock.advance(Duration.ofMinutes(7));
        assertThat(throttle.isExhausted("a")).isFalse();
        assertThat(throttle.tryAcquire("a")).isTrue();
    }

    @Test
    void aFloodOfNewKeysNeverGrowsTheMapBeyondItsCapacity() {
        LocalThrottle throttle = new LocalThrottle(5, Duration.ofHours(1), 1_000, clock);
        for (int i = 0; i < 200_000; i++) {
            throttle.record("203.0." + (i >> 8) + "." + (i & 0xff) + "/" + i);
        }
        assertThat(throttle.size()).isEqualTo(1_000);
    }

    @Test
    void aKeyKeepsAtMostLimitEventsHoweverOftenItIsRecorded() {
        LocalThrottle throttle = new LocalThrottle(2, Duration.ofHours(1), 10, clock);
        for (int i = 0; i < 10_000; i++) {
            throttle.record("a");
        }
        assertThat(throttle.isExhausted("a")).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(throttle.isExhausted("a")).isFalse();
    }

    @Test
    void addressesAreCountedPerIpv4AddressAndPerIpv6Slash64() {
        assertThat(AddressKey.of("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(AddressKey.of("2001:db8:1:2:aaaa::1")).isEqualTo(AddressKey.of("2001:db8:1:2:bbbb::2")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressKey.of("not an address")).isEqualTo("unknown");
        assertThat(AddressKey.of("cafe.example")).isEqualTo("unknown");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
