package io.chargebase.api.graphql;

import graphql.ErrorClassification;

/** The classifications of GraphQL errors this API returns, in {@code extensions.classification}. */
public enum ErrorType implements ErrorClassification {
    /** No valid token came with a request that needs one. */
    UNAUTHENTICATED,
    /** The caller's roles do not allow the operation. Says nothing of whether any object exists. */
    FORBIDDEN,
    /** An argument the caller must fix. */
    BAD_REQUEST,
    /** Something failed on the server; the message holds only an id to quote. */
    INTERNAL_ERROR
}
