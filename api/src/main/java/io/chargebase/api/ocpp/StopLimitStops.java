package io.chargebase.api.ocpp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.chargebase.domain.charging.StopLimitReached;
import io.chargebase.domain.operations.command.Command;

/**
 * Asks the charger to stop a session that reached a stop limit of its tariff: a RemoteStop (RemoteStopTransaction in 1.6) in the actions
 * log as the platform's, with the limit as the reason. Sent on a thread of its own once the reading or sweep that saw
 * the limit is committed, so the meter-value writer never waits for a charger. The charger's StopTransaction then
 * finishes the session as usual.
 */
@Component
class StopLimitStops {

    private static final Logger LOG = LoggerFactory.getLogger(StopLimitStops.class);

    private final PlatformCommands commands;
    private final OcppRuntime runtime;

    StopLimitStops(PlatformCommands commands, OcppRuntime runtime) {
        this.commands = commands;
        this.runtime = runtime;
    }

    @TransactionalEventListener
    void reached(StopLimitReached reached) {
        runtime.work().execute(() -> {
            try {
                commands.send(reached.tenantId(), reached.chargePointId(), new Command.RemoteStop(reached.transactionId()), reached.reason());
            } catch (RuntimeException e) {
                LOG.warn("Session {} reached its stop limit, but no RemoteStopTransaction could be sent", reached.sessionId(), e);
            }
        });
    }
}
