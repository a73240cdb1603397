package io.chargebase.ocpp.rpc;

import java.time.Duration;
import java.util.Objects;

/** Why a call sent through {@link RpcEndpoint#call} did not produce a valid result. */
public abstract sealed class OutboundCallException extends RuntimeException {

    private final String action;

    private OutboundCallException(String action, String message) {
        this(action, message, null);
    }

    private OutboundCallException(String action, String message, Throwable cause) {
        // The stack of a failed remote call says nothing about the charger; the message does.
        super(message, cause, false, false);
        this.action = action;
    }

    public String action() {
        return action;
    }

    /** No answer within the timeout, counted from when the CALL was sent (OCPP-J 1.6 §4.1.1). */
    public static final class TimedOut extends OutboundCallException {

        private final String messageId;
        private final Duration timeout;

        TimedOut(String action, String messageId, Duration timeout) {
            super(action, action + " (" + messageId + ") was not answered within " + timeout);
            this.messageId = messageId;
            this.timeout = timeout;
        }

        public String messageId() {
            return messageId;
        }

        public Duration timeout() {
            return timeout;
        }
    }

    /** The charger answered with a CALLERROR. */
    public static final class Rejected extends OutboundCallException {

        private final CallError callError;

        Rejected(String action, CallError callError) {
            super(action, action + " answered with " + callError.errorCode().wireName() + ": "
                    + callError.errorDescription());
            this.callError = Objects.requireNonNull(callError);
        }

        public CallError callError() {
            return callError;
        }
    }

    /**
     * A payload broke the rules: either the request (never sent) or the charger's result ({@link #fromCharger()}).
     */
    public static final class InvalidPayload extends OutboundCallException {

        private final RpcError error;
        private final boolean fromCharger;

        InvalidPayload(String action, RpcError error, boolean fromCharger) {
            super(action, (fromCharger ? "Result of " : "Request ") + action + " is invalid: "
                    + error.code().wireName() + ": " + error.description());
            this.error = error;
            this.fromCharger = fromCharger;
        }

        public RpcError error() {
            return error;
        }

        public boolean fromCharger() {
            return fromCharger;
        }
    }

    /** The endpoint was closed before an answer came, or when the call was made. */
    public static final class EndpointClosed extends OutboundCallException {

        EndpointClosed(String action) {
            super(action, "Connection closed before " + action + " was answered");
        }
    }

    /** The transport failed to take the frame. */
    public static final class NotSent extends OutboundCallException {

        NotSent(String action, RuntimeException cause) {
            super(action, action + " could not be sent: " + cause, cause);
        }
    }
}
