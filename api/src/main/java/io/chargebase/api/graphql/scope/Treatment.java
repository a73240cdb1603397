package io.chargebase.api.graphql.scope;

/** How a narrowed caller (a driver, an OU admin) gets a field of an object it reached. */
public enum Treatment {
    /** Shown as it is: whatever object of this type the caller reaches, this field is theirs to see. */
    ALLOWED,
    /** Resolved as usual: it reads rows that row-level security bounds to the caller's scope. */
    NARROWED,
    /** Not resolved: null (an empty list or page where the schema forbids null) with a FORBIDDEN error at its path. */
    REFUSED,
    /** Resolved, then passed through a {@link Redaction} that masks what lies outside the caller's scope. */
    REDACTED
}
