package io.chargebase.api.graphql;

/** A query argument the caller must fix; reported as a BAD_REQUEST GraphQL error. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
