package io.chargebase.ocpp.rpc;

import java.util.Objects;

/**
 * Thrown (or used to complete a stage exceptionally) by a {@link CallHandler} that wants a call answered with a
 * particular CALLERROR, for example {@link RpcErrorCode#SECURITY_ERROR} for a charger that was not yet accepted
 * (OCPP-J 1.6 errata §3.8) or {@link RpcErrorCode#NOT_SUPPORTED} for an action it does not handle. Any other
 * exception becomes an {@link RpcErrorCode#INTERNAL_ERROR}.
 */
public class CallErrorException extends RuntimeException {

    private final RpcError error;

    public CallErrorException(RpcError error) {
        super(error.code().wireName() + ": " + error.description(), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public CallErrorException(RpcErrorCode code, String description) {
        this(RpcError.of(code, description));
    }

    public RpcError error() {
        return error;
    }
}
