package io.chargebase.domain.identity;

/**
 * Sends mail for the tenant acted for. The application's implementation writes it to an outbox in the same
 * transaction, so a message exists exactly when the change that caused it does.
 */
public interface Mailer {

    void send(Mail mail);
}
