package io.chargebase.ocpp.rpc;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What one OCPP version, seen from one side of the connection, accepts. Each method returns the error to report
 * when the action or payload is not acceptable, and nothing when it is. Implementations are thread-safe.
 */
public interface PayloadRules {

    /** A call received from the other side: unknown or misdirected actions and schema violations. */
    Optional<RpcError> checkReceivedCall(String action, JsonNode payload);

    /** A call this side is about to send. */
    Optional<RpcError> checkCallToSend(String action, JsonNode payload);

    /** The other side's answer to a call this side sent. */
    Optional<RpcError> checkReceivedResult(String action, JsonNode payload);

    /** This side's answer to a call received. */
    Optional<RpcError> checkResultToSend(String action, JsonNode payload);
}
