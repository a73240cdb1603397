/**
 * Outgoing mail: the domain's {@code Mailer} port, written to the outbox table ({@code outbound_mail}) that a delivery
 * adapter drains. A stored row never holds a live code: {@code body} says {@code {{code}}} where the code goes,
 * {@code code_sealed} holds the code sealed under the installation's encryption key, and {@code expires_at} says when
 * it stops working. {@link io.chargebase.api.mail.SmtpDelivery} delivers it over SMTP when {@code spring.mail.host}
 * is set, with retries and back-off ({@code attempts}, {@code next_attempt_at}, {@code last_error}) and the tenant's
 * sender and branding ({@link io.chargebase.api.mail.BrandedMessage}). Whatever delivers mail reads the full message through
 * {@link io.chargebase.api.mail.MailOutbox#compose} (empty once the code expired: then the message must not be sent)
 * and calls {@link io.chargebase.api.mail.MailOutbox#markDelivered}, which drops the sealed code. The housekeeping
 * drops codes at their expiry and deletes messages a week after delivery or expiry. Local mode prints every message,
 * code included, to the log as it is queued.
 */
package io.chargebase.api.mail;
