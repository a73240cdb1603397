package io.chargebase.ocpp.rpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** {@code [3, "<messageId>", {payload}]}: the answer to the CALL with the same id (OCPP-J 1.6 §4.2.2). */
public record CallResult(String messageId, JsonNode payload) implements RpcMessage {

    public static final int TYPE_ID = 3;

    public CallResult {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
        if (!payload.isObject()) {
            throw new IllegalArgumentException("A CALLRESULT's payload is a JSON object");
        }
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }
}
