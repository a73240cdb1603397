package io.chargebase.api.ocpp;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.springframework.stereotype.Service;

import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Commands the platform sends on its own rather than for an operator: a charger's configuration defaults after it
 * boots, a RemoteStop when a session reaches a stop limit. Like an operator's, each goes through the actions log
 * ({@link LoggedCommands}), as requested by {@value #REQUESTED_BY} and with the reason, and completes with what came
 * back (or why nothing did).
 */
@Service
public class PlatformCommands {

    /** Who the actions log names for the platform's own commands. */
    public static final String REQUESTED_BY = "platform";

    private final LoggedCommands commands;

    PlatformCommands(LoggedCommands commands) {
        this.commands = commands;
    }

    /** Logs and sends the command acting for the tenant; completes once the log entry is completed, never exceptionally. */
    public <A extends Answer> CompletionStage<LoggedCommands.Sent<A>> send(TenantId tenant, UUID chargePointId, Command<A> command, String reason) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> commands.send(chargePointId, command, reason, REQUESTED_BY, answer -> { }));
    }
}
