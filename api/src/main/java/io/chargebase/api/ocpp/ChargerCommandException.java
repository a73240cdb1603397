package io.chargebase.api.ocpp;

import io.chargebase.ocpp.rpc.RpcErrorCode;

/** Why a command sent through {@link ChargerCommands} produced no valid answer from the charger. */
public abstract sealed class ChargerCommandException extends RuntimeException {

    private ChargerCommandException(String message) {
        // where the command failed is in the message; the stack of a relay says nothing useful
        super(message, null, false, false);
    }

    /** The charger is connected to no instance. */
    public static final class Offline extends ChargerCommandException {

        public Offline(String message) {
            super(message);
        }
    }

    /** No answer in time: the charger did not answer, or the instance holding its socket did not relay one. */
    public static final class TimedOut extends ChargerCommandException {

        public TimedOut(String message) {
            super(message);
        }
    }

    /** The charger answered with a CALLERROR. */
    public static final class Rejected extends ChargerCommandException {

        private final RpcErrorCode code;

        public Rejected(RpcErrorCode code, String message) {
            super(message);
            this.code = code;
        }

        public RpcErrorCode code() {
            return code;
        }
    }

    /** The request broke its schema (never sent), or the charger's answer broke its schema. */
    public static final class InvalidPayload extends ChargerCommandException {

        public InvalidPayload(String message) {
            super(message);
        }
    }

    /** The socket closed before the answer came, or the frame could not be sent. */
    public static final class ConnectionLost extends ChargerCommandException {

        public ConnectionLost(String message) {
            super(message);
        }
    }
}
