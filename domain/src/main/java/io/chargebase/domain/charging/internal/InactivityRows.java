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

    /** Marked active sessions silent since before {@code silentSince}: to be finished, oldest first. */
    public List<UUID> toFinish(Instant silentSince, int limit) {
        return jdbc.sql("""
                        select s.id from charging_session s
                        join charging_session_inactivity i on i.tenant_id = s.tenant_id and i.session_id = s.id
                        where s.status = 'ACTIVE' and i.finished_at is null and %s < ?
                        order by s.created_at limit ?""".formatted(LAST_ACTIVITY))
                .params(time(silentSince), limit).query(UUID.class).list();
    }

    /** Whether the session is active and silent since before {@code silentSince}. */
    public boolean silent(UUID sessionId, Instant silentSince) {
        return jdbc.sql("select exists (select 1 from charging_session s where s.id = ? and s.status = 'ACTIVE' and %s < ?)".formatted(LAST_ACTIVITY))
                .params(sessionId, time(silentSince)).query(Boolean.class).single();
    }

    /** The platform finished the marked session; the mark says so now. */
    public void finished(UUID sessionId, String reason, Instant now) {
        jdbc.sql("update charging_session_inactivity set finished_at = ?, reason = ? where session_id = ?")
                .params(time(now), reason.length() > 500 ? reason.substring(0, 500) : reason, sessionId).update();
    }

    /** Whether the platform finished the session after inactivity and no StopTransaction corrected it yet. */
    public boolean finishedByPlatform(UUID sessionId) {
        return jdbc.sql("select exists (select 1 from charging_session_inactivity where session_id = ? and finished_at is not null "
                + "and corrected_at is null)").param(sessionId).query(Boolean.class).single();
    }

    public void corrected(UUID sessionId, Instant now) {
        jdbc.sql("update charging_session_inactivity set corrected_at = ? where session_id = ?").params(time(now), sessionId).update();
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
                        instant(rs, "last_activity_at"), rs.getString("reason"), instant(rs, "finished_at"), instant(rs, "corrected_at")))
                .list();
    }

    public static String minutes(Duration timeout) {
        return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s";
    }
}
