package io.chargebase.api.graphql.scope;

import java.util.Objects;

import io.chargebase.api.security.Role;

/** How each narrowed role gets one field; {@code redaction} is set exactly when one of them is {@link Treatment#REDACTED}. */
public record FieldRule(Treatment driver, Treatment ouAdmin, Redaction redaction) {

    /** The whole object is the caller's once it reaches it. */
    static final FieldRule OPEN = new FieldRule(Treatment.ALLOWED, Treatment.ALLOWED, null);
    /** Reads rows that row-level security narrows for both roles. */
    static final FieldRule RLS = new FieldRule(Treatment.NARROWED, Treatment.NARROWED, null);
    /** Staff information: OU admins see it, drivers do not. */
    static final FieldRule STAFF = new FieldRule(Treatment.REFUSED, Treatment.ALLOWED, null);
    /** Staff information whose rows row-level security narrows for OU admins. */
    static final FieldRule STAFF_RLS = new FieldRule(Treatment.REFUSED, Treatment.NARROWED, null);

    public FieldRule {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(ouAdmin, "ouAdmin");
        if ((redaction != null) != (driver == Treatment.REDACTED || ouAdmin == Treatment.REDACTED)) {
            throw new IllegalArgumentException("A redaction goes with a REDACTED treatment, and only with one.");
        }
    }

    /** Staff information that OU admins see through a redaction. */
    static FieldRule staffRedacted(Redaction redaction) {
        return new FieldRule(Treatment.REFUSED, Treatment.REDACTED, redaction);
    }

    public Treatment of(Role role) {
        return switch (role) {
            case DRIVER -> driver;
            case OU_ADMIN -> ouAdmin;
            default -> throw new IllegalArgumentException(role + " is not narrowed below the tenant.");
        };
    }
}
