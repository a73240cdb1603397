package io.chargebase.tenancy;

/**
 * A tenant operation refused for a reason the caller can fix or must know: bad input, a taken slug, an unknown
 * tenant. Carries the offending input field so an API can point at it.
 */
public class TenantRejection extends RuntimeException {

    public enum Reason { INVALID, DUPLICATE, NOT_FOUND }

    private final Reason reason;
    private final String field;

    public TenantRejection(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
