package io.chargebase.api.mail;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.chargebase.api.database.DatabaseTarget;
import io.chargebase.domain.identity.Mail;
import io.chargebase.domain.identity.Mailer;
import io.chargebase.tenancy.TenantContext;

/**
 * Writes each message to the tenant's outbox in the caller's transaction. Delivery (SMTP or a mail API) is a
 * separate adapter that reads undelivered rows; until one is configured, local mode prints messages to the log
 * so a newcomer can follow a sign-up or password reset to the end.
 */
@Component
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final JdbcClient jdbc;
    private final boolean printBodies;

    OutboxMailer(JdbcClient jdbc, DatabaseTarget database) {
        this.jdbc = jdbc;
        this.printBodies = database.local();
    }

    @Override
    public void send(Mail mail) {
        jdbc.sql("insert into outbound_mail (tenant_id, id, recipient, subject, body) values (?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), UUID.randomUUID(), mail.recipient(), mail.subject(), mail.body())
                .update();
        if (printBodies) {
            log.info("Local mode mail to {}: {}\n{}", mail.recipient(), mail.subject(), mail.body());
        } else {
            log.info("Mail queued to {}: {}", mail.recipient(), mail.subject());
        }
    }
}
