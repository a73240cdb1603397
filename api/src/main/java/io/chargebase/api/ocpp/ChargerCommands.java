package io.chargebase.api.ocpp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.chargebase.ocpp.rpc.FrameCodec;
import io.chargebase.ocpp.rpc.OutboundCallException;
import io.chargebase.ocpp.rpc.RpcError;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import io.chargebase.ocpp.v16.Action16;
import io.chargebase.ocpp.v16.CentralSystemRules16;
import io.chargebase.ocpp.v16.Initiator;
import io.chargebase.tenancy.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commands to chargers (Reset, RemoteStartTransaction, ...), wherever their socket is. The request is checked
 * against its schema before anything else; a charger connected here gets the call directly; one connected to another
 * instance gets it through {@link CommandRelay}, and the answer comes back the same way. The stage fails with a
 * {@link ChargerCommandException}: Offline when no live instance holds the charger's socket, TimedOut when no answer
 * came in time (for a relayed call: its timeout plus {@link OcppProperties#relayGrace()}, so a crashed instance makes
 * nobody wait longer).
 */
@Service
public class ChargerCommands {

    private static final Logger log = LoggerFactory.getLogger(ChargerCommands.class);
    private static final CentralSystemRules16 RULES = new CentralSystemRules16();
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private final LocalChargers locals;
    private final ConnectionRegistry registry;
    private final CommandRelay relay;
    private final OcppRuntime runtime;
    private final OcppProperties properties;
    private final Map<UUID, CompletableFuture<JsonNode>> relayed = new ConcurrentHashMap<>();
    private final OcppTelemetry metrics;

    ChargerCommands(LocalChargers locals, ConnectionRegistry registry, CommandRelay relay, OcppRuntime runtime, OcppProperties properties,
            OcppTelemetry metrics) {
        this.metrics = metrics;
        this.locals = locals;
        this.registry = registry;
        this.relay = relay;
        this.runtime = runtime;
        this.properties = properties;
        relay.onMessage(this::received);
    }

    public CompletionStage<JsonNode> call(TenantId tenant, UUID chargePointId, Action16 action, JsonNode payload, Duration timeout) {
        Objects.requireNonNull(action, "action");
        io.micrometer.core.instrument.Timer.Sample sample = metrics.startCommand();
        CompletionStage<JsonNode> answer = send(tenant, chargePointId, action, payload, timeout);
        answer.whenComplete((result, failure) -> metrics.commandFinished(sample, action, failure));
        return answer;
    }

    private CompletionStage<JsonNode> send(TenantId tenant, UUID chargePointId, Action16 action, JsonNode payload, Duration timeout) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(chargePointId, "chargePointId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("A command's timeout lies above zero and at most " + MAX_TIMEOUT);
        }
        if (!action.canBeSentBy(Initiator.CENTRAL_SYSTEM)) {
            return CompletableFuture.failedFuture(new ChargerCommandException.InvalidPayload(action.actionName() + " is not sent to chargers"));
        }
        Optional<RpcError> invalid = RULES.checkCallToSend(action.actionName(), payload);
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new ChargerCommandException.InvalidPayload(
                    action.actionName() + " request is invalid: " + invalid.get().code().wireName() + ": " + invalid.get().description()));
        }
        Optional<ChargerConnection> local = locals.find(tenant, chargePointId);
        if (local.isPresent()) {
            return callHere(local.get(), action, payload, timeout);
        }
        return CompletableFuture.supplyAsync(() -> registry.locate(tenant, chargePointId), runtime.work())
                .thenCompose(instance -> instance.filter(id -> !id.equals(registry.instanceId()))
                        .map(id -> callThere(id, tenant, chargePointId, action, payload, timeout))
                        .orElseGet(() -> CompletableFuture.failedFuture(offline(chargePointId))));
    }

    private CompletableFuture<JsonNode> callHere(ChargerConnection connection, Action16 action, JsonNode payload, Duration timeout) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        connection.call(action.actionName(), payload, timeout).whenComplete((result, failure) -> {
            if (failure == null) {
                answer.complete(result);
            } else {
                answer.completeExceptionally(translate(unwrap(failure)));
            }
        });
        return answer;
    }

    private CompletableFuture<JsonNode> callThere(UUID instance, TenantId tenant, UUID chargePointId, Action16 action, JsonNode payload,
            Duration timeout) {
        UUID request = UUID.randomUUID();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        relayed.put(request, answer);
        answer.whenComplete((result, failure) -> relayed.remove(request));
        ObjectNode message = FrameCodec.mapper().createObjectNode();
        message.put("kind", "call");
        message.put("from", registry.instanceId().toString());
        message.put("request", request.toString());
        message.put("tenant", tenant.value().toString());
        message.put("chargePoint", chargePointId.toString());
        message.put("action", action.actionName());
        message.put("timeoutMillis", timeout.toMillis());
        message.set("payload", payload);
        Duration deadline = timeout.plus(properties.relayGrace());
        runtime.scheduler().schedule(() -> answer.completeExceptionally(new ChargerCommandException.TimedOut(
                action.actionName() + " relayed to instance " + instance + " was not answered within " + deadline)),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            relay.send(instance, message);
        } catch (RuntimeException e) {
            answer.completeExceptionally(new ChargerCommandException.ConnectionLost(action.actionName() + " could not be relayed: " + e));
        }
        return answer;
    }

    /** Messages from other instances: calls to run here, answers to calls relayed from here, replaced connections to close. */
    private void received(ObjectNode message) {
        switch (message.path("kind").asString("")) {
            case "call" -> runRelayedCall(message);
            case "reply" -> completeRelayedCall(message);
            case "close" -> locals.find(tenantOf(message), UUID.fromString(message.path("chargePoint").asString()))
                    .filter(connection -> connection.id().toString().equals(message.path("connection").asString()))
                    .ifPresent(connection -> connection.close(OcppSocketHandler.REPLACED));
            default -> log.warn("Ignored a relayed OCPP message of kind '{}'", message.path("kind").asString(""));
        }
    }

    private void runRelayedCall(ObjectNode message) {
        TenantId tenant = tenantOf(message);
        UUID from = UUID.fromString(message.path("from").asString());
        String request = message.path("request").asString();
        UUID chargePointId = UUID.fromString(message.path("chargePoint").asString());
        Optional<ChargerConnection> local = locals.find(tenant, chargePointId);
        CompletionStage<JsonNode> answer = Action16.fromName(message.path("action").asString(""))
                .filter(action -> action.canBeSentBy(Initiator.CENTRAL_SYSTEM))
                .map(action -> local.map(connection -> (CompletionStage<JsonNode>) callHere(connection, action, message.path("payload"),
                                Duration.ofMillis(Math.clamp(message.path("timeoutMillis").asLong(), 1, MAX_TIMEOUT.toMillis()))))
                        .orElseGet(() -> CompletableFuture.failedFuture(offline(chargePointId))))
                .orElseGet(() -> CompletableFuture.failedFuture(new ChargerCommandException.InvalidPayload("Unknown command")));
        answer.whenComplete((result, failure) -> runtime.work().execute(() -> {
            ObjectNode reply = FrameCodec.mapper().createObjectNode();
            reply.put("kind", "reply");
            reply.put("request", request);
            reply.put("tenant", tenant.value().toString());
            if (failure == null) {
                reply.put("outcome", "result");
                reply.set("payload", result);
            } else {
                ChargerCommandException problem = translate(unwrap(failure));
                reply.put("outcome", problem.getClass().getSimpleName());
                reply.put("message", problem.getMessage());
                if (problem instanceof ChargerCommandException.Rejected rejected) {
                    reply.put("code", rejected.code().wireName());
                }
            }
            try {
                relay.send(from, reply);
            } catch (RuntimeException e) {
                log.warn("Answer to relayed command {} could not be sent back to instance {}", request, from, e);
            }
        }));
    }

    private void completeRelayedCall(ObjectNode message) {
        CompletableFuture<JsonNode> answer = relayed.get(UUID.fromString(message.path("request").asString()));
        if (answer == null) {
            log.info("Answer to relayed command {} came after it timed out", message.path("request").asString());
            return;
        }
        String text = message.path("message").asString("");
        switch (message.path("outcome").asString("")) {
            case "result" -> answer.complete(message.path("payload"));
            case "Offline" -> answer.completeExceptionally(new ChargerCommandException.Offline(text));
            case "TimedOut" -> answer.completeExceptionally(new ChargerCommandException.TimedOut(text));
            case "Rejected" -> answer.completeExceptionally(new ChargerCommandException.Rejected(
                    RpcErrorCode.fromWire(message.path("code").asString("")).orElse(RpcErrorCode.GENERIC_ERROR), text));
            case "InvalidPayload" -> answer.completeExceptionally(new ChargerCommandException.InvalidPayload(text));
            default -> answer.completeExceptionally(new ChargerCommandException.ConnectionLost(text));
        }
    }

    private static ChargerCommandException translate(Throwable failure) {
        return switch (failure) {
            case ChargerCommandException known -> known;
            case OutboundCallException.TimedOut timedOut -> new ChargerCommandException.TimedOut(timedOut.getMessage());
            case OutboundCallException.Rejected rejected ->
                    new ChargerCommandException.Rejected(rejected.callError().errorCode(), rejected.getMessage());
            case OutboundCallException.InvalidPayload invalid -> new ChargerCommandException.InvalidPayload(invalid.getMessage());
            default -> new ChargerCommandException.ConnectionLost(String.valueOf(failure.getMessage()));
        };
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static ChargerCommandException.Offline offline(UUID chargePointId) {
        return new ChargerCommandException.Offline("Charge point " + chargePointId + " is not connected");
    }

    private static TenantId tenantOf(ObjectNode message) {
        return new TenantId(UUID.fromString(message.path("tenant").asString()));
    }
}
