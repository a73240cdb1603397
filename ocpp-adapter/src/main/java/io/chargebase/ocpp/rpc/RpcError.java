package io.chargebase.ocpp.rpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** What a CALLERROR says, before it is addressed to a message id. */
public record RpcError(RpcErrorCode code, String description, JsonNode details) {

    public RpcError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(details, "details");
        if (!details.isObject()) {
            throw new IllegalArgumentException("Error details are a JSON object");
        }
    }

    /** An error with the empty details object that OCPP-J 1.6 §4.2.3 asks for when there are none. */
    public static RpcError of(RpcErrorCode code, String description) {
        return new RpcError(code, description, JsonNodeFactory.instance.objectNode());
    }

    public CallError toCallError(String messageId) {
        return new CallError(messageId, code, description, details);
    }
}
