package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.chargebase.domain.charging.internal.StopLimitRows;
import io.chargebase.domain.rating.StopLimits;
import io.chargebase.tenancy.TenantId;

/**
 * Enforces the stop limits (max minutes, max kWh) of the tariff version in force for a session, the one its CDR will
 * be rated with: checked on every reading of the session, within the meter-value writer's transaction (the tariff is
 * the one live progress already looks up and remembers; a row is written only when a limit is first reached), and on
 * the sweeper's timer for the time limit of sessions whose charger says nothing. A limit is recorded once per session,
 * so the {@link StopLimitReached} that asks the charger to stop is published once, whichever reading, sweep or
 * instance sees it first.
 */
@Component
class SessionStopLimits {

    /** No tariff limits a session to less than a minute. */
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 1000;

    private final LiveSessions live;
    private final StopLimitRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionStopLimits(LiveSessions live, StopLimitRows rows, ApplicationEventPublisher events, Clock clock) {
        this.live = live;
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /** Checks the session as it stands, its duration as of {@code at}; within the caller's transaction. Answers whether it reached a limit now. */
    boolean check(TenantId tenant, ChargingSession session, Instant at) {
        Optional<StopLimitCheck.Reached> reached = limits(session).flatMap(limits -> StopLimitCheck.reached(limits, session, at));
        if (reached.isEmpty() || !rows.reached(session.id(), reached.get(), clock.instant())) {
            return false;
        }
        events.publishEvent(new StopLimitReached(tenant, session.chargePointId(), session.id(), session.transactionId(), reached.get().limit(),
                reached.get().reason()));
        return true;
    }

    /** The running sessions of the current tenant that reached their time limit by {@code now}; answers how many. */
    int sweep(TenantId tenant, Instant now) {
        int reached = 0;
        for (ChargingSession session : rows.runningWithoutLimit(now.minus(SHORTEST), SWEEP_BATCH)) {
            if (check(tenant, session, now)) {
                reached++;
            }
        }
        return reached;
    }

    private Optional<StopLimits> limits(ChargingSession session) {
        if (session.status() != SessionStatus.ACTIVE || session.evseId() == null || session.startedAt() == null) {
            return Optional.empty();
        }
        return live.tariffOf(session).map(selected -> selected.version().stopLimits());
    }
}
