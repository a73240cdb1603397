package io.chargebase.domain.operations.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.operations.Reservation;
import io.chargebase.tenancy.TenantId;

/**
 * The reservation sweep's statements: the one question asked across tenants, through the platform function
 * {@code platform_tenants_with_reservations_due} (tenant ids and nothing else), and the tenant's own expiries and reminders.
 */
@Repository
public class ReservationSweepRows {

    private final JdbcClient jdbc;

    ReservationSweepRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenants with work due at {@code now}; {@code reminder} applies to tenants that saved no reservation settings. */
    public List<TenantId> dueTenants(Instant now, Duration reminder) {
        return jdbc.sql("select tenant_id from platform_tenants_with_reservations_due(?, ?)")
                .params(Timestamp.from(now), (int) reminder.toSeconds())
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }

    /** Accepted reservations past their expiry become EXPIRED; requests whose answer never came, NOT_ANSWERED. */
    public int expire(Instant now) {
        return jdbc.sql("update reservation set status = case when status = 'ACCEPTED' then 'EXPIRED' else 'NOT_ANSWERED' end, expired_at = ? "
                        + "where status in ('REQUESTED', 'ACCEPTED') and expires_at <= ?")
                .params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    /** Marks reminded, and answers, the drivers' accepted reservations that end by {@code remindFrom} and were not reminded. */
    public List<Reservation> markReminded(Instant now, Instant endingBy) {
        return jdbc.sql("update reservation set reminded_at = ? where status = 'ACCEPTED' and profile_id is not null and reminded_at is null "
                        + "and expires_at > ? and expires_at <= ? returning *")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(endingBy)).query(ReservationRows::reservation).list();
    }
}
