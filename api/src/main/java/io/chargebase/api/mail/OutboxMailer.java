package io.chargebase.api.mail;

import java.sql.Timestamp;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.chargebase.api.database.DatabaseTarget;
import io.chargebase.api.secrets.Secrets;
import io.chargebase.domain.identity.Mail;
import io.chargebase.domain.identity.Mailer;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

/**
 * Writes each message to the tenant's outbox in the caller's transaction, its code sealed apart from the body.
 * Delivery (SMTP or a mail API) is a separate adapter that reads undelivered rows through {@link MailOutbox}; local
 * mode also prints messages to the log so a newcomer can follow a sign-up or password reset to the end.
 */
@Component
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final boolean printBodies;

    OutboxMailer(JdbcClient jdbc, Secrets secrets, DatabaseTarget database) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.printBodies = database.local();
    }

    @Override
    public void send(Mail mail) {
        TenantId tenant = TenantContext.requireTenant();
        UUID id = UUID.randomUUID();
        byte[] sealed = mail.code() == null ? null : secrets.mailCodes().seal(mail.code(), MailOutbox.context(tenant, id));
        jdbc.sql("insert into outbound_mail (tenant_id, id, recipient, subject, body, code_sealed, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), id, mail.recipient(), mail.subject(), mail.body(), sealed,
                        mail.expiresAt() == null ? null : Timestamp.from(mail.expiresAt()))
                .update();
        if (printBodies) {
            log.info("Local mode mail to {}: {}\n{}", mail.recipient(), mail.subject(), mail.text());
        } else {
            log.info("Mail queued to {}: {}", mail.recipient(), mail.subject());
        }
    }
}
