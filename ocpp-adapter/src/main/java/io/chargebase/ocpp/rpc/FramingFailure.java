package io.chargebase.ocpp.rpc;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A text frame that is not a well-formed OCPP-J message, with the CALLERROR it deserves and as much of the
 * wrapper as could be read.
 *
 * <p>A CALLERROR needs the id of the CALL it answers (OCPP-J 1.6 §4.2.3). OCPP 1.6 says nothing of a frame whose id
 * cannot be read; OCPP-J 2.0.1 §4.2.3 answers it with {@value #UNREADABLE_ID} as the id, which no real call can
 * carry, so the sender learns that its frame was refused instead of waiting for a timeout. The 1.6 error code stays
 * the one that names the defect (the codec's table), since 1.6 has no {@code RpcFrameworkError}. A CALLERROR answers
 * a CALL only, never a CALLRESULT or a CALLERROR, so a malformed response gets no reply:
 * {@link #concernsResponse()} lets the endpoint fail its own pending call instead.
 */
public final class FramingFailure implements Decoded {

    /** The message id of a CALLERROR answering a frame whose own id could not be read (OCPP-J 2.0.1 §4.2.3). */
    public static final String UNREADABLE_ID = "-1";

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

    /**
     * The CALLERROR to send back unless the frame was itself a response: to the frame's id, or to
     * {@value #UNREADABLE_ID} when none could be read.
     */
    public Optional<CallError> reply() {
        if (concernsResponse()) {
            return Optional.empty();
        }
        return Optional.of(RpcError.of(errorCode, description).toCallError(messageId == null ? UNREADABLE_ID : messageId));
    }

    @Override
    public String toString() {
        return "FramingFailure[" + errorCode.wireName() + ": " + description + ", messageId=" + messageId
                + ", typeId=" + typeId + "]";
    }
}
