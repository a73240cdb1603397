package io.chargebase.ocpp.rpc;

import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * Handles the calls a charger makes. It receives only calls whose action exists and whose payload passed the
 * schema; it returns the response payload, which the endpoint checks against the response schema before sending.
 * Throwing or failing the stage with a {@link CallErrorException} answers with that CALLERROR; any other failure,
 * a {@code null} response or an invalid one is answered with an InternalError.
 */
@FunctionalInterface
public interface CallHandler {

    CompletionStage<JsonNode> handle(String action, JsonNode payload);
}
