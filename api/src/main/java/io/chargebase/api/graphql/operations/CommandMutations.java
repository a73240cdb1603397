package io.chargebase.api.graphql.operations;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.ocpp.LoggedCommands;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * How a command mutation runs: the reason is checked first (the manual asks one of every action), then the charge
 * point's id, then the input is mapped to a domain {@link Command} (which refuses bad input); anything refused so far
 * is a user error and nothing is logged or sent. Then {@link LoggedCommands} logs and sends it, and the mutation
 * answers when the charger has answered, or with the outcome that says why it did not.
 */
@Component
class CommandMutations {

    record ChargerCommandPayload(ChargerCommand command, List<UserError> userErrors) {
    }

    private final LoggedCommands commands;

    CommandMutations(LoggedCommands commands) {
        this.commands = commands;
    }

    <A extends Answer> CompletionStage<ChargerCommandPayload> send(String chargePointId, String reason, Function<UUID, Command<A>> build) {
        return send(chargePointId, reason, build, answer -> { }, sent -> { });
    }

    /**
     * {@code build} maps the input for the charge point to its command; {@code onAnswer} runs when the charger answered,
     * before the log entry is completed; {@code onCompleted} once it is, answered or not.
     */
    <A extends Answer> CompletionStage<ChargerCommandPayload> send(String chargePointId, String reason, Function<UUID, Command<A>> build,
            Consumer<A> onAnswer, Consumer<LoggedCommands.Sent<A>> onCompleted) {
        if (!(TenantContext.current() instanceof TenantScope.OfTenant)) {
            throw new BadRequestException("Commands are sent for a tenant.");
        }
        TenantScope scope = TenantContext.current();
        CompletionStage<LoggedCommands.Sent<A>> sent;
        try {
            String why = ChargerCommandLog.reason(reason);
            UUID id = GlobalId.require(Types.CHARGE_POINT, chargePointId, "chargePointId");
            sent = commands.send(id, build.apply(id), why, Caller.name(), onAnswer);
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, errors -> new ChargerCommandPayload(null, errors)));
        }
        return sent.thenApply(completed -> TenantContext.callAs(scope, () -> {
            onCompleted.accept(completed);
            return new ChargerCommandPayload(completed.command(), List.of());
        }));
    }
}
