package io.chargebase.api.mail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.identity.Mail;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

import jakarta.mail.internet.MimeMessage;

/**
 * Delivers the outbox over SMTP ({@code spring.mail.*}), on when {@code spring.mail.host} is set. Every
 * {@link MailProperties#pollInterval()} it asks which tenants have mail due and works through each in that tenant's
 * own scope, one message per transaction: the row is claimed with {@code for update skip locked}, so replicas
 * draining at once never send a message twice, sent with the tenant's branding ({@link BrandedMessage}), and marked
 * delivered (its code dropped) in the same transaction. A message the server refuses or times out on stays in the
 * outbox, with the error, and is tried again after a wait that doubles up to {@link MailProperties#maxBackoff()}; a
 * message whose code expired meanwhile is never sent. A crash between sending and committing sends the message again:
 * delivery is at least once.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
@EnableConfigurationProperties(MailProperties.class)
public class SmtpDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailProperties properties;
    private final Clock clock;

    SmtpDelivery(MailOutbox outbox, JavaMailSender sender, Tenants tenants, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            MailProperties properties, Clock clock) {
        if (properties.from() == null || properties.from().isBlank()) {
            throw new IllegalStateException("chargebase.mail.from (the sender address of every message) is required when spring.mail.host is set");
        }
        this.outbox = outbox;
        this.sender = sender;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chargebase.mail.poll-interval:5s}", initialDelayString = "${chargebase.mail.poll-interval:5s}")
    void scheduled() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Mail delivery pass failed; the outbox is looked at again in {}", properties.pollInterval(), e);
        }
    }

    /** Sends what is due now, tenant by tenant; returns how many messages went out. */
    public int drain() {
        List<UUID> due = TenantContext.callAs(TenantScope.PLATFORM, () -> transactions.execute(status ->
                jdbc.sql("select tenant_id from platform_tenants_with_mail_due(?)").param(java.sql.Timestamp.from(clock.instant()))
                        .query(UUID.class).list()));
        int sent = 0;
        for (UUID tenant : due) {
            sent += TenantContext.callAs(TenantScope.of(new TenantId(tenant)), () -> drainTenant(new TenantId(tenant)));
        }
        return sent;
    }

    private int drainTenant(TenantId id) {
        Optional<Tenant> tenant = tenants.get(id);
        if (tenant.isEmpty()) {
            return 0;
        }
        String from = properties.tenantFrom().getOrDefault(tenant.get().slug(), properties.from());
        int sent = 0;
        for (int i = 0; i < properties.batchSize(); i++) {
            Attempt attempt = transactions.execute(status -> sendNext(tenant.get(), from));
            if (attempt == Attempt.NONE_DUE) {
                break;
            }
            if (attempt == Attempt.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private enum Attempt { SENT, FAILED, NOT_SENDABLE, NONE_DUE }

    /** Within one transaction of the tenant: claims, sends and marks one message. */
    private Attempt sendNext(Tenant tenant, String from) {
        Optional<MailOutbox.Due> claimed = outbox.claimNext();
        if (claimed.isEmpty()) {
            return Attempt.NONE_DUE;
        }
        UUID id = claimed.get().id();
        Optional<Mail> mail = outbox.compose(id);
        if (mail.isEmpty()) {
            // its code expired since the claim: it is due no more
            return Attempt.NOT_SENDABLE;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            BrandedMessage.fill(message, mail.get(), tenant, from);
            sender.send(message);
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            int failures = claimed.get().attempts() + 1;
            java.time.Duration wait = properties.backoffAfter(failures);
            log.warn("Mail {} of tenant {} not delivered (attempt {}), next attempt in {}: {}", id, tenant.slug(), failures, wait, e.toString());
            outbox.markFailed(id, clock.instant().plus(wait), e.toString());
            return Attempt.FAILED;
        }
        outbox.markDelivered(id);
        log.info("Mail {} of tenant {} delivered", id, tenant.slug());
        return Attempt.SENT;
    }
}
