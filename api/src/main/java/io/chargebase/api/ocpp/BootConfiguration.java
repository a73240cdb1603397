package io.chargebase.api.ocpp;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.chargebase.domain.charging.ChargerBooted;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.ocpp.v16.ConfigurationDefaults16;

/**
 * The manual's "Charge point configuration defaults": after a charger's BootNotification is accepted (and answered),
 * the platform reads its HeartbeatInterval and MeterValueSampleInterval with GetConfiguration and sets, with
 * ChangeConfiguration, those that differ from the tenant's charging settings. Every call is in the actions log as the
 * platform's, with the reason. A charger that cannot say (a CALLERROR) gets both; one that went away or did not answer
 * gets nothing until it boots again.
 */
@Component
class BootConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BootConfiguration.class);

    private final LocalChargers locals;
    private final PlatformCommands commands;

    BootConfiguration(LocalChargers locals, PlatformCommands commands) {
        this.locals = locals;
        this.commands = commands;
    }

    @TransactionalEventListener
    void booted(ChargerBooted booted) {
        if (booted.registration() != ChargerEvents.RegistrationStatus.ACCEPTED) {
            return;
        }
        locals.find(booted.charger().tenantId(), booted.charger().chargePointId())
                .ifPresent(connection -> connection.afterFramesTaken(() -> push(booted)));
    }

    private void push(ChargerBooted booted) {
        try {
            ConfigurationDefaults16 defaults = new ConfigurationDefaults16(booted.heartbeatInterval(), booted.meterValueSampleInterval());
            String reason = "Configuration defaults at boot: heartbeat every " + booted.heartbeatInterval().toSeconds()
                    + " s, meter values every " + booted.meterValueSampleInterval().toSeconds() + " s (the tenant's charging settings)";
            LoggedCommands.Sent<Answer.Configuration> read = send(booted, defaults.getConfiguration(), reason);
            List<Command.ChangeConfiguration> changes;
            if (read.answered()) {
                changes = defaults.changes(read.answer());
            } else if (read.command().outcome() == ChargerCommand.Outcome.CALL_ERROR) {
                changes = defaults.changes(null);
            } else {
                return;
            }
            for (Command.ChangeConfiguration change : changes) {
                LoggedCommands.Sent<Answer.Acknowledged> changed = send(booted, change, reason);
                if (!changed.answered() && changed.command().outcome() != ChargerCommand.Outcome.CALL_ERROR) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Configuration defaults could not be pushed to {}", booted.charger().identity(), e);
        }
    }

    private <A extends Answer> LoggedCommands.Sent<A> send(ChargerBooted booted, Command<A> command, String reason) {
        return commands.send(booted.charger().tenantId(), booted.charger().chargePointId(), command, reason).toCompletableFuture().join();
    }
}
