package io.chargebase.domain;

import java.util.Objects;

/**
 * A command refused for a reason the caller can act on. Thrown before anything is written, or inside the
 * transaction so that nothing written survives. {@code field} names the input field at fault, when one is.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public static DomainException notFound(String field, String what, Object id) {
        return new DomainException(ErrorCode.NOT_FOUND, field, "No " + what + " " + id + ".");
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
