package io.chargebase.api.graphql.scope;

/** What a {@link Treatment#REDACTED} field goes through before a narrowed caller sees it. */
public enum Redaction {
    /** An OCPP payload or frame, through {@link OcppRedaction}: foreign idTags masked, secrets withheld. */
    OCPP_PAYLOAD,
    /** A file server address, or a list of them, without user name and password. */
    URL_CREDENTIALS,
    /**
     * The idTag of an activity record (an authorisation, a reservation), through {@link OcppRedaction}'s rule: shown when
     * it names a token of the caller's subtree, masked otherwise (an unknown card's UID included: tenant staff read it to
     * register the card, as a cloned UID would charge on someone else's card).
     */
    ID_TAG
}
