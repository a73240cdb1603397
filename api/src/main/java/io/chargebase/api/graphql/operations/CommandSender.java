package io.chargebase.api.graphql.operations;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import tools.jackson.databind.JsonNode;

import io.chargebase.ocpp.v16.Action16;
import io.chargebase.tenancy.TenantId;

/**
 * Sends one OCPP 1.6 command to a charger wherever it is connected and completes with its answer payload; fails with
 * {@link Failure} when it cannot be sent, is refused, or is not answered in time.
 */
public interface CommandSender {

    CompletionStage<JsonNode> send(TenantId tenant, UUID chargePointId, Action16 action, JsonNode payload, Duration timeout);

    /** Why no answer came: the outcome for the actions log and a message for the operator. */
    final class Failure extends RuntimeException {

        public enum Kind { OFFLINE, TIMED_OUT, CALL_ERROR, FAILED }

        private final Kind kind;

        public Failure(Kind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
