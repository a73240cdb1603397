package io.chargebase.domain.charging;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.chargebase.domain.charging.internal.StopLimitRows;
import io.chargebase.tenancy.TenantId;

/**
 * Stops a running session for a limit another context judges (billing's wallet balance), through the same machinery
 * as the tariff's limits: recorded once per session, then the {@link StopLimitReached} that the charger's
 * RemoteStopTransaction follows is published, after the caller's transaction commits.
 */
@Component
public class SessionStops {

    private final StopLimitRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionStops(StopLimitRows rows, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /** Asks for the session to be stopped, within the caller's transaction; false when a limit had stopped it before, or it is not running. */
    public boolean stopOnce(TenantId tenant, ChargingSession session, StopLimitCheck.Limit limit, String reason) {
        if (session.transactionId() == null || !rows.reached(session.id(), new StopLimitCheck.Reached(limit, reason), clock.instant())) {
            return false;
        }
        events.publishEvent(new StopLimitReached(tenant, session.chargePointId(), session.id(), session.transactionId(), limit, reason));
        return true;
    }
}
