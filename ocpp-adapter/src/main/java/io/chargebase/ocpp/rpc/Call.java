package io.chargebase.ocpp.rpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** {@code [2, "<messageId>", "<action>", {payload}]}: a request (OCPP-J 1.6 §4.2.1). */
public record Call(String messageId, String action, JsonNode payload) implements RpcMessage {

    public static final int TYPE_ID = 2;

    public Call {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
        if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("A CALL's message id has 1 to 36 characters, not " + messageId.length());
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("A CALL's payload is a JSON object");
        }
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }
}
