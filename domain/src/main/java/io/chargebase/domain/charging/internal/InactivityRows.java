package io.chargebase.domain.charging.internal;

import static io.chargebase.domain.charging.internal.ChargerRows.instant;
import static io.chargebase.domain.charging.internal.ChargerRows.tenant;
import static io.chargebase.domain.charging.internal.ChargerRows.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.SessionInactivity;

/**
 * Inactivity marks of sessions. A session's last activity is the latest of its start and its meter values as we
 * received them (our clock, not the charger's, which may be wrong by hours).
 */
@Repository
public class InactivityRows {

    private static final String LAST_ACTIVITY = "greatest(s.created_at, s.start_received_at, s.reading_received_at)";

    private final JdbcClient jdbc;

    InactivityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the active sessions silent since before {@code silentSince}, unless marked already; answers the ones marked now. */
    public List<UUID> flag(Instant silentSince, Duration timeout, Instant now) {
        return jdbc.sql("""
                        insert into charging_session_inactivity (tenant_id, session_id, flagged_at, last_activity_at, reason)
                        select ?, a.id, ?, a.last_activity, ?
                        from (select s.id, %s as last_activity from charging_session s where s.status = 'ACTIVE') a
                        where a.last_activity < ?
                        on conflict (tenant_id, session_id) do nothing
                        returning session_id""".formatted(LAST_ACTIVITY))
                .params(tenant(), time(now), "No start or meter value for over " + minutes(timeout)
                        + " (the inactivity timeout): suspected stale. It stays active so that a late StopTransaction finishes it.",
                        time(silentSince))
                .query(UUID.class).list();
    }

    /** Removes the marks of sessions still active whose charger spoke of them again after they were marked. */
    public int clearResumed() {
        return jdbc.sql("""
                        delete from charging_session_inactivity i using charging_session s
                        where s.tenant_id = i.tenant_id and s.id = i.session_id and s.status = 'ACTIVE' and %s > i.last_activity_at"""
                        .formatted(LAST_ACTIVITY))
                .update();
    }

    public List<SessionInactivity> of(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from charging_session_inactivity where session_id = any(?)").param(sessionIds.toArray(UUID[]::new))
                .query((rs, n) -> new SessionInactivity(rs.getObject("session_id", UUID.class), instant(rs, "flagged_at"),
                        instant(rs, "last_activity_at"), rs.getString("reason")))
                .list();
    }

    private static String minutes(Duration timeout) {
        return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s";
    }
}
