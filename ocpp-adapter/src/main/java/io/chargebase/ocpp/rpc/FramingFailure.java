package io.chargebase.ocpp.rpc;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A text frame that is not a well-formed OCPP-J message, with the CALLERROR it deserves and as much of the
 * wrapper as could be read.
 *
 * <p>A CALLERROR needs the id of the CALL it answers (OCPP-J 1.6 §4.2.3), so {@link #reply()} is empty when no id
 * could be read; OCPP 1.6 has no rule for that case (2.0.1 later answers with id "-1"), so such a frame can only be
 * logged and dropped. A CALLERROR answers a CALL only, never a CALLRESULT or a CALLERROR, so a malformed response
 * gets no reply either: {@link #concernsResponse()} lets the endpoint fail its own pending call instead.
 */
public final class FramingFailure implements Decoded {

    private final RpcErrorCode errorCode;
    private final String description;
    private final String messageId; // null when none could be read
    private final Integer typeId; // null when no integer was found

    FramingFailure(RpcErrorCode errorCode, String description, String messageId, Integer typeId) {
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.description = Objects.requireNonNull(description, "description");
        this.messageId = messageId;
        this.typeId = typeId;
    }

    /** The code to answer with. */
    public RpcErrorCode errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    /** The message id, when one could be read (it may be the over-long id that is the problem). */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** The MessageTypeNumber, when an integer was found where it belongs. */
    public OptionalInt typeId() {
        return typeId == null ? OptionalInt.empty() : OptionalInt.of(typeId);
    }

    /** The frame said it was a CALLRESULT or CALLERROR. */
    public boolean concernsResponse() {
        return typeId != null && (typeId == CallResult.TYPE_ID || typeId == CallError.TYPE_ID);
    }

    /** The CALLERROR to send back, when there is an id to send it to and the frame was not itself a response. */
    public Optional<CallError> reply() {
        if (messageId == null || concernsResponse()) {
            return Optional.empty();
        }
        return Optional.of(RpcError.of(errorCode, description).toCallError(messageId));
    }

    @Override
    public String toString() {
        return "FramingFailure[" + errorCode.wireName() + ": " + description + ", messageId=" + messageId
                + ", typeId=" + typeId + "]";
    }
}
