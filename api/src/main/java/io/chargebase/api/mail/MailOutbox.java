package io.chargebase.api.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.api.secrets.Secrets;
import io.chargebase.domain.identity.Mail;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

/**
 * The outbox as a delivery adapter sees it, in the tenant scope of the caller: which messages wait, each message in
 * full (its code unsealed only here, at delivery), and marking one delivered, which drops its code for good.
 */
@Component
@Transactional
public class MailOutbox {

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Secrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The ids of the undelivered messages that are still worth sending, oldest first. */
    public List<UUID> waiting(int limit) {
        return jdbc.sql("""
                        select id from outbound_mail where delivered_at is null and (expires_at is null or expires_at > ?)
                        order by created_at, id limit ?""")
                .params(Timestamp.from(clock.instant()), limit).query(UUID.class).list();
    }

    /**
     * Locks the next message due for delivery, oldest first, skipping those another sender holds: in the caller's
     * transaction, so the lock lasts until the message is marked delivered or failed. Empty when nothing is due.
     */
    public Optional<Due> claimNext() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        select id, attempts from outbound_mail
                        where delivered_at is null and next_attempt_at <= ? and (expires_at is null or expires_at > ?)
                        order by next_attempt_at, created_at, id limit 1
                        for update skip locked""")
                .params(now, now)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getInt("attempts")))
                .optional();
    }

    /** A message claimed for delivery, and how often sending it failed before. */
    public record Due(UUID id, int attempts) {
    }

    /** Sending failed: it is tried again at {@code nextAttempt}, and the failure is kept for the operator. */
    public void markFailed(UUID id, Instant nextAttempt, String error) {
        String kept = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("update outbound_mail set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ? and delivered_at is null")
                .params(Timestamp.from(nextAttempt), kept, id).update();
    }

    /** The message as it is to be sent, code included; empty when there is none or its code has expired. */
    public Optional<Mail> compose(UUID id) {
        Instant now = clock.instant();
        TenantId tenant = TenantContext.requireTenant();
        return jdbc.sql("select recipient, subject, body, code_sealed, expires_at from outbound_mail where id = ? and delivered_at is null")
                .param(id)
                .query((rs, n) -> {
                    Timestamp expires = rs.getTimestamp("expires_at");
                    if (expires != null && !expires.toInstant().isAfter(now)) {
                        return Optional.<Mail>empty();
                    }
                    byte[] sealed = rs.getBytes("code_sealed");
                    if (expires != null && sealed == null) {
                        return Optional.<Mail>empty();
                    }
                    String code = sealed == null ? null : secrets.mailCodes().openString(sealed, context(tenant, id));
                    return Optional.of(new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), code,
                            expires == null ? null : expires.toInstant()));
                })
                .optional().flatMap(mail -> mail);
    }

    /** The message went out: its code is dropped, and the housekeeping deletes the row a week later. */
    public void markDelivered(UUID id) {
        jdbc.sql("""
                        update outbound_mail set delivered_at = ?, code_sealed = null, attempts = attempts + 1, last_error = null
                        where id = ? and delivered_at is null""")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    /** The associated data a code is sealed with: it opens only in its own row. */
    static String context(TenantId tenant, UUID id) {
        return tenant.value() + "/" + id;
    }
}
