package io.chargebase.domain.charging.internal;

import static io.chargebase.domain.charging.internal.ChargerRows.cut;
import static io.chargebase.domain.charging.internal.ChargerRows.tenant;
import static io.chargebase.domain.charging.internal.ChargerRows.time;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.StopLimitCheck;

/** The stop limit each session reached, recorded once, so that the charger is asked to stop it once. */
@Repository
public class StopLimitRows {

    private final JdbcClient jdbc;
    private final SessionRows sessions;

    StopLimitRows(JdbcClient jdbc, SessionRows sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    /** Records the limit the session reached; false when it had reached one already (another reading, another instance). */
    public boolean reached(UUID sessionId, StopLimitCheck.Reached reached, Instant now) {
        return jdbc.sql("""
                        insert into charging_session_stop_limit (tenant_id, session_id, stop_limit, reason, reached_at) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, session_id) do nothing""")
                .params(tenant(), sessionId, reached.limit().name(), cut(reached.reason(), 500), time(now)).update() == 1;
    }

    /** Active sessions started before {@code startedBefore} that reached no limit yet, oldest first. */
    public List<ChargingSession> runningWithoutLimit(Instant startedBefore, int limit) {
        return sessions.where("""
                status = 'ACTIVE' and transaction_id is not null and started_at < ?
                and not exists (select 1 from charging_session_stop_limit l where l.tenant_id = charging_session.tenant_id
                                and l.session_id = charging_session.id)
                order by started_at limit ?""", time(startedBefore), limit);
    }
}
