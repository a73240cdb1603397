package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.rating.StopLimits;

class StopLimitCheckTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private static ChargingSession running(long chargedWh) {
        return session(SessionStatus.ACTIVE, chargedWh);
    }

    private static ChargingSession session(SessionStatus status, long chargedWh) {
        return new ChargingSession(UUID.randomUUID(), 7, null, UUID.randomUUID(), 1, UUID.randomUUID(), "04A1", null, null, status,
                ChargerEvents.AuthorizationStatus.ACCEPTED, 1_000L, null, START, null, null, BigDecimal.valueOf(1_000 + chargedWh), null, null,
                START.plusSeconds(60), false, null, null, null, null, START, START, null);
    }

    @Test
    void theEnergyLimitIsReachedAtItsBound() {
        StopLimits limits = new StopLimits(null, new BigDecimal("10"));
        assertThat(StopLimitCheck.reached(limits, running(9_999), START)).isEmpty();
        StopLimitCheck.Reached reached = StopLimitCheck.reached(limits, running(10_000), START).orElseThrow();
        assertThat(reached.limit()).isEqualTo(StopLimitCheck.Limit.MAX_KWH);
        assertThat(reached.reason()).isEqualTo("Stop limit reached: 10.000 kWh charged, the tariff stops a session at 10 kWh");
    }

    @Test
    void theTimeLimitIsReachedAfterItsMinutes() {
        StopLimits limits = new StopLimits(30, null);
        assertThat(StopLimitCheck.reached(limits, running(0), START.plus(Duration.ofMinutes(29)).plusSeconds(59))).isEmpty();
        StopLimitCheck.Reached reached = StopLimitCheck.reached(limits, running(0), START.plus(Duration.ofMinutes(30))).orElseThrow();
        assertThat(reached.limit()).isEqualTo(StopLimitCheck.Limit.MAX_MINUTES);
        assertThat(reached.reason()).contains("running 30 min", "after 30 min");
    }

    @Test
    void energyComesFirstAndOnlyRunningSessionsWithLimitsStop() {
        StopLimits both = new StopLimits(30, new BigDecimal("10"));
        assertThat(StopLimitCheck.reached(both, running(12_000), START.plus(Duration.ofHours(1))).orElseThrow().limit())
                .isEqualTo(StopLimitCheck.Limit.MAX_KWH);
        assertThat(StopLimitCheck.reached(StopLimits.NONE, running(1_000_000), START.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(StopLimitCheck.reached(both, session(SessionStatus.FINISHED, 12_000), START.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(StopLimitCheck.reached(null, running(12_000), START)).isEmpty();
    }
}
