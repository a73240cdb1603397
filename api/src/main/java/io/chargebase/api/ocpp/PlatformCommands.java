package io.chargebase.api.ocpp;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.ocpp.rpc.FrameCodec;
import io.chargebase.ocpp.v16.Action16;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commands the platform sends on its own rather than for an operator: a charger's configuration defaults after it
 * boots, a RemoteStopTransaction when a session reaches a stop limit. Like an operator's, each is written to the
 * actions log before it is sent, as requested by {@value #REQUESTED_BY} and with the reason, and completed with what
 * came back (or why nothing did).
 */
@Service
public class PlatformCommands {

    /** Who the actions log names for the platform's own commands. */
    public static final String REQUESTED_BY = "platform";

    /** A command as the actions log completed it, with the charger's answer when it gave one. */
    public record Sent(ChargerCommand command, JsonNode response) {

        public boolean answered() {
            return command.outcome() == ChargerCommand.Outcome.ANSWERED;
        }
    }

    private final ChargerCommands commands;
    private final ChargerCommandLog log;
    private final Duration timeout;

    PlatformCommands(ChargerCommands commands, ChargerCommandLog log, @Value("${chargebase.ocpp.command-timeout:PT30S}") Duration timeout) {
        this.commands = commands;
        this.log = log;
        this.timeout = timeout;
    }

    /** Logs and sends the command acting for the tenant; completes once the log entry is completed, never exceptionally. */
    public CompletionStage<Sent> send(TenantId tenant, UUID chargePointId, Action16 action, ObjectNode payload, String reason) {
        TenantScope scope = TenantScope.of(tenant);
        ChargerCommand logged = TenantContext.callAs(scope, () -> log.begin(chargePointId, action.actionName(),
                FrameCodec.mapper().writeValueAsString(payload), reason, REQUESTED_BY));
        CompletionStage<JsonNode> answer;
        try {
            answer = commands.call(tenant, chargePointId, action, payload, timeout);
        } catch (RuntimeException notSent) {
            answer = CompletableFuture.failedFuture(notSent);
        }
        return answer.handle((response, failure) -> TenantContext.callAs(scope, () -> {
            if (failure == null) {
                return new Sent(log.complete(logged.id(), ChargerCommand.Outcome.ANSWERED, response.path("status").asString(null),
                        FrameCodec.mapper().writeValueAsString(response), null), response);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ChargerCommand.Outcome outcome = switch (cause) {
                case ChargerCommandException.Offline offline -> ChargerCommand.Outcome.OFFLINE;
                case ChargerCommandException.TimedOut timedOut -> ChargerCommand.Outcome.TIMED_OUT;
                case ChargerCommandException.Rejected rejected -> ChargerCommand.Outcome.CALL_ERROR;
                default -> ChargerCommand.Outcome.FAILED;
            };
            return new Sent(log.complete(logged.id(), outcome, null, null, String.valueOf(cause.getMessage())), null);
        }));
    }
}
