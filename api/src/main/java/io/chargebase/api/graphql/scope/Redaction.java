package io.chargebase.api.graphql.scope;

/** What a {@link Treatment#REDACTED} field goes through before a narrowed caller sees it. */
public enum Redaction {
    /** An OCPP payload or frame, through {@link OcppRedaction}: foreign idTags masked, secrets withheld. */
    OCPP_PAYLOAD,
    /** A file server address, or a list of them, without user name and password. */
    URL_CREDENTIALS,
    /**
     * The idTag of an activity record (an authorisation, a reservation): masked when it names a token outside the
     * caller's subtree, shown when it names one of theirs or no token at all, as an unknown card's UID is what an operator
     * registers the card with.
     */
    ID_TAG
}
