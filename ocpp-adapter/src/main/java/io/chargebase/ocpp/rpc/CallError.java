package io.chargebase.ocpp.rpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code [4, "<messageId>", "<errorCode>", "<errorDescription>", {errorDetails}]}: the CALL with the same id could
 * not be handled (OCPP-J 1.6 §4.2.3). The id is not length-checked: it echoes whatever the caller sent, even an
 * over-long one that is the reason for the error.
 */
public record CallError(String messageId, RpcErrorCode errorCode, String errorDescription, JsonNode errorDetails)
        implements RpcMessage {

    public static final int TYPE_ID = 4;

    public CallError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorDescription, "errorDescription");
        Objects.requireNonNull(errorDetails, "errorDetails");
        if (!errorDetails.isObject()) {
            throw new IllegalArgumentException("A CALLERROR's details are a JSON object");
        }
    }

    @Override
    public int typeId() {
        return TYPE_ID;
    }

    public RpcError error() {
        return new RpcError(errorCode, errorDescription, errorDetails);
    }
}
