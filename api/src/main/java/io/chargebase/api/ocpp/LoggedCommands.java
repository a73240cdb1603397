package io.chargebase.api.ocpp;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.ocpp.rpc.FrameCodec;
import io.chargebase.ocpp.v16.Commands16;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

/**
 * A domain {@link Command} through the actions log to the charger: encoded for the charger's protocol (OCPP 1.6, by
 * {@link Commands16}), logged with its wire request before it is sent (so a crash mid-call still shows it was tried),
 * sent by {@link ChargerCommands}, and completed with the wire answer or why none came. The caller gets the log entry
 * and the decoded answer. Operators' commands (GraphQL) and the platform's own ({@link PlatformCommands}) both pass
 * here.
 */
@Service
public class LoggedCommands {

    /** A command as the actions log completed it, with the charger's decoded answer when it gave one (else null). */
    public record Sent<A extends Answer>(ChargerCommand command, A answer) {

        public boolean answered() {
            return command.outcome() == ChargerCommand.Outcome.ANSWERED;
        }

        /** Answered, and the answer says accepted. */
        public boolean accepted() {
            return answer != null && answer.accepted();
        }
    }

    private final ChargerCommands commands;
    private final ChargerCommandLog log;
    private final Duration timeout;

    LoggedCommands(ChargerCommands commands, ChargerCommandLog log, @Value("${chargebase.ocpp.command-timeout:PT30S}") Duration timeout) {
        this.commands = commands;
        this.log = log;
        this.timeout = timeout;
    }

    /**
     * Logs and sends {@code command} for the tenant of the current scope, which must be one tenant's. Logging runs in
     * the caller's scope and throws its {@code DomainException} (no reason, a charge point the caller may not operate)
     * before anything is sent; the answer arrives on another thread, so {@code onAnswer} (run before the log entry is
     * completed) and completing the entry run in the scope captured here. The stage never fails.
     */
    public <A extends Answer> CompletionStage<Sent<A>> send(UUID chargePointId, Command<A> command, String reason, String requestedBy,
            Consumer<A> onAnswer) {
        TenantScope scope = TenantContext.current();
        if (!(scope instanceof TenantScope.OfTenant tenant)) {
            throw new IllegalStateException("Commands are sent for a tenant");
        }
        Commands16.Request request = Commands16.encode(command);
        ChargerCommand logged = log.begin(chargePointId, request.action().actionName(),
                FrameCodec.mapper().writeValueAsString(request.payload()), reason, requestedBy);
        CompletionStage<JsonNode> answer;
        try {
            answer = commands.call(tenant.tenantId(), chargePointId, request.action(), request.payload(), timeout);
        } catch (RuntimeException notSent) {
            answer = CompletableFuture.failedFuture(notSent);
        }
        return answer.handle((response, failure) -> TenantContext.callAs(scope, () -> {
            if (failure == null) {
                A decoded = Commands16.decode(command, response);
                onAnswer.accept(decoded);
                return new Sent<>(log.complete(logged.id(), ChargerCommand.Outcome.ANSWERED, Commands16.statusText(response),
                        FrameCodec.mapper().writeValueAsString(response), null), decoded);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ChargerCommand.Outcome outcome = switch (cause) {
                case ChargerCommandException.Offline offline -> ChargerCommand.Outcome.OFFLINE;
                case ChargerCommandException.TimedOut timedOut -> ChargerCommand.Outcome.TIMED_OUT;
                case ChargerCommandException.Rejected rejected -> ChargerCommand.Outcome.CALL_ERROR;
                default -> ChargerCommand.Outcome.FAILED;
            };
            return new Sent<A>(log.complete(logged.id(), outcome, null, null, String.valueOf(cause.getMessage())), null);
        }));
    }
}
