package io.chargebase.domain.billing.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.ConnectedAccount;
import io.chargebase.domain.billing.ProviderEvent;
import io.chargebase.tenancy.TenantContext;

/** The tenant's connected account, provider events handled, and the one cross-tenant lookup webhooks need. */
@Repository
public class ConnectedAccountRows {

    private final JdbcClient jdbc;

    ConnectedAccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant owning the account, in any scope (a security-definer function that reveals only the tenant id). */
    public Optional<UUID> tenantOf(String accountId) {
        return jdbc.sql("select tenant_id from platform_tenant_by_connected_account(?)").param(accountId).query(UUID.class).optional();
    }

    public void insert(String accountId) {
        jdbc.sql("insert into connected_account (tenant_id, account_id) values (?, ?)").params(tenant(), accountId).update();
    }

    public Optional<ConnectedAccount> current() {
        return jdbc.sql("""
                        select account_id, charges_enabled, payouts_enabled, details_submitted, disabled_reason, status_at
                        from connected_account""")
                .query((rs, n) -> new ConnectedAccount(rs.getString("account_id"), rs.getBoolean("charges_enabled"), rs.getBoolean("payouts_enabled"),
                        rs.getBoolean("details_submitted"), rs.getString("disabled_reason"),
                        rs.getTimestamp("status_at") == null ? null : rs.getTimestamp("status_at").toInstant()))
                .optional();
    }

    /** Takes the reported status unless a report newer than {@code at} was taken already; answers whether it did. */
    public boolean updateStatus(ProviderEvent.AccountUpdated status, Instant at) {
        return jdbc.sql("""
                        update connected_account set charges_enabled = ?, payouts_enabled = ?, details_submitted = ?, disabled_reason = ?,
                               status_at = ?, updated_at = now()
                        where account_id = ? and (status_at is null or status_at <= ?)""")
                .params(status.chargesEnabled(), status.payoutsEnabled(), status.detailsSubmitted(), status.disabledReason(),
                        at.atOffset(ZoneOffset.UTC), status.accountId(), at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** Records the event as received; false when it was handled before (or is being handled by another delivery). */
    public boolean receive(ProviderEvent.Envelope envelope) {
        return jdbc.sql("""
                        insert into provider_event (tenant_id, event_id, type, account_id, created_at, outcome) values (?, ?, ?, ?, ?, 'received')
                        on conflict (tenant_id, event_id) do nothing""")
                .params(tenant(), envelope.eventId(), envelope.type(), envelope.accountId(), envelope.created().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    public void outcome(String eventId, String outcome) {
        jdbc.sql("update provider_event set outcome = ? where event_id = ?").params(outcome.length() > 500 ? outcome.substring(0, 500) : outcome, eventId)
                .update();
    }

    public Optional<String> outcomeOf(String eventId) {
        return jdbc.sql("select outcome from provider_event where event_id = ?").param(eventId).query(String.class).optional();
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }
}
