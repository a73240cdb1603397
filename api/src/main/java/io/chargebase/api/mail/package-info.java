/** Outgoing mail: the domain's {@code Mailer} port, written to the outbox table that a delivery adapter drains. */
package io.chargebase.api.mail;
