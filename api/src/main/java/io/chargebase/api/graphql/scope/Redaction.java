package io.chargebase.api.graphql.scope;

/** What a {@link Treatment#REDACTED} field goes through before a narrowed caller sees it. */
public enum Redaction {
    /** An OCPP payload or frame, through {@link OcppRedaction}: foreign idTags masked, secrets withheld. */
    OCPP_PAYLOAD,
    /** A file server address, or a list of them, without user name and password. */
    URL_CREDENTIALS
}
