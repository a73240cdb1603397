package io.chargebase.api.mail;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chargebase's own mail settings; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from          the sender address of every message (a domain the SMTP server may send for); required once
 *                      {@code spring.mail.host} is set. The sender's name is the tenant's brand name.
 * @param tenantFrom    a tenant's own sender address, by tenant slug, for tenants whose domain the SMTP server may
 *                      send for
 * @param pollInterval  how often the outbox is looked at for mail due
 * @param retryBackoff  the wait after the first failed attempt; it doubles with each further failure
 * @param maxBackoff    the longest wait between two attempts
 * @param batchSize     at most this many messages of one tenant per look, so one tenant's backlog delays no other
 */
@ConfigurationProperties("chargebase.mail")
public record MailProperties(
        String from,
        @DefaultValue Map<String, String> tenantFrom,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("100") int batchSize) {

    /** The wait before the next attempt after {@code failures} failed ones (at least one). */
    Duration backoffAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration wait = retryBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }
}
