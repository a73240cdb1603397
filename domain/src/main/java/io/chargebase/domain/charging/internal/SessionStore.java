package io.chargebase.domain.charging.internal;

import static io.chargebase.domain.charging.internal.ChargerRows.cut;
import static io.chargebase.domain.charging.internal.ChargerRows.instant;
import static io.chargebase.domain.charging.internal.ChargerRows.time;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.lifecycle.LostUpdate;
import io.chargebase.domain.charging.lifecycle.Pending;
import io.chargebase.domain.charging.lifecycle.SessionState;
import io.chargebase.domain.charging.lifecycle.Transition;

/**
 * Sessions as states: a stored row read as its {@link SessionState} (its status, and whether the platform finished it
 * after inactivity with no correction yet), and a {@link Transition} saved over the version it was decided on. The
 * version counts the lifecycle's changes (status, start, stop); the newest readings that MeterValues move forward
 * ({@link SessionRows#latest}) and the CDR links that rating sets are no part of it, so that group commit and rating
 * never contend with a stop.
 */
@Repository
public class SessionStore {

    private static final String STATE = """
            select s.*, exists (select 1 from charging_session_inactivity i where i.tenant_id = s.tenant_id and i.session_id = s.id
                and i.finished_at is not null and i.corrected_at is null) as finished_by_platform
            from charging_session s where\s""";

    /** A state as loaded, with the session's newest energy register reading and when it was taken (null when none). */
    public record Loaded(SessionState state, BigDecimal registerWh, Instant registerAt) {

        /** The session as the MeterValues path stores readings for it. */
        public SessionRows.Metered metered() {
            return new SessionRows.Metered(state.session(), registerWh, registerAt);
        }
    }

    private final JdbcClient jdbc;
    private final SessionRows rows;

    SessionStore(JdbcClient jdbc, SessionRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    public Optional<Loaded> byTransaction(int transactionId) {
        return jdbc.sql(STATE + "s.transaction_id = ?").param(transactionId).query(SessionStore::loaded).optional();
    }

    public Optional<Loaded> find(UUID id) {
        return jdbc.sql(STATE + "s.id = ?").param(id).query(SessionStore::loaded).optional();
    }

    /** The newest session waiting at the charge point for the car of this token's driver. */
    public Optional<Pending> pending(UUID chargePointId, String idTag) {
        return jdbc.sql(STATE + "s.charge_point_id = ? and s.id_tag = ? and s.status = 'PENDING' order by s.created_at desc limit 1")
                .params(chargePointId, cut(idTag, 20)).query(SessionStore::loaded).optional()
                .map(loaded -> (Pending) loaded.state());
    }

    /** Stores the transition's next state; throws {@link LostUpdate}, having written nothing, when another writer came first. */
    public void save(Transition transition) {
        ChargingSession s = transition.next().session();
        int written = switch (transition.write()) {
            case Transition.Insert insert -> {
                rows.insert(s);
                yield 1;
            }
            case Transition.Start start -> jdbc.sql("""
                            update charging_session set transaction_id = ?, connector_id = ?, evse_id = ?, status = ?, authorisation = ?,
                                meter_start_wh = ?, started_at = ?, reservation_id = ?, stop_reason = ?, start_received_at = ?,
                                version = version + 1
                            where id = ? and version = ?""")
                    .params(s.transactionId(), s.connectorId(), s.evseId(), s.status().name(), s.authorisation().name(), s.meterStartWh(),
                            time(s.startedAt()), start.reservationId(), cut(s.stopReason(), 64), time(s.startReceivedAt()), s.id(),
                            start.expectedVersion())
                    .update();
            case Transition.Stop stop -> jdbc.sql("""
                            update charging_session set status = ?, meter_stop_wh = ?, stopped_at = ?, stop_reason = coalesce(?, stop_reason),
                                incomplete = incomplete or ?, incomplete_reason = coalesce(?, incomplete_reason), rating_error = ?,
                                stop_received_at = ?, version = version + 1
                            where id = ? and version = ?""")
                    .params(s.status().name(), s.meterStopWh(), time(s.stoppedAt()), cut(s.stopReason(), 64), s.incomplete(),
                            cut(s.incompleteReason(), 500), cut(s.ratingError(), 500), time(s.stopReceivedAt()), s.id(), stop.expectedVersion())
                    .update();
        };
        if (written == 0) {
            throw new LostUpdate(s.id(), transition.next().version() - 1);
        }
    }

    private static Loaded loaded(ResultSet rs, int n) throws SQLException {
        return new Loaded(SessionState.of(SessionRows.session(rs, n), rs.getLong("version"), rs.getBoolean("finished_by_platform")),
                rs.getBigDecimal("register_wh"), instant(rs, "register_at"));
    }
}
