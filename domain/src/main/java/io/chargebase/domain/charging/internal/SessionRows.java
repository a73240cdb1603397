package io.chargebase.domain.charging.internal;

import static io.chargebase.domain.charging.internal.ChargerRows.cut;
import static io.chargebase.domain.charging.internal.ChargerRows.instant;
import static io.chargebase.domain.charging.internal.ChargerRows.tenant;
import static io.chargebase.domain.charging.internal.ChargerRows.time;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargingPeriods;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.MeterValue;
import io.chargebase.domain.charging.SessionQuery;
import io.chargebase.domain.charging.SessionStatus;
import io.chargebase.domain.Page;

/** Charging sessions, their meter values and the per-tenant transaction counter. */
@Repository
public class SessionRows {

    private static final String ENERGY_REGISTER = io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER.code();

    /**
     * The columns {@link #session} reads, named rather than {@code *}: a page of sessions then carries nothing the record
     * does not hold (the tenant, the MeterValues path's register, columns added later for other readers).
     */
    static final String COLUMNS = "id, transaction_id, reported_transaction_id, charge_point_id, connector_id, evse_id, id_tag, token_id, "
            + "profile_id, status, authorisation, meter_start_wh, meter_stop_wh, started_at, stopped_at, stop_reason, latest_energy_wh, "
            + "latest_power_w, latest_soc_percent, latest_sample_at, incomplete, incomplete_reason, cpo_cdr_id, msp_cdr_id, rating_error, "
            + "created_at, start_received_at, stop_received_at";

    private final JdbcClient jdbc;

    SessionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the session changes of one charger within the transaction, so that replays racing each other see each other. */
    public void lockCharger(UUID chargePointId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(chargePointId.toString()).query().singleRow();
    }

    /**
     * Reserves the current tenant's next {@code count} transaction ids; answers the last of them. Its own short
     * transaction should call this: the counter's row stays locked until the reservation commits.
     */
    public int reserveTransactionIds(int count) {
        return jdbc.sql("insert into charging_transaction_counter (tenant_id, last_value) values (?, ?) "
                + "on conflict (tenant_id) do update set last_value = charging_transaction_counter.last_value + excluded.last_value returning last_value")
                .params(tenant(), count).query(Integer.class).single();
    }

    public Optional<UUID> evseAt(UUID chargePointId, int connectorId) {
        return jdbc.sql("select id from evse where charge_point_id = ? and ocpp_number = ?").params(chargePointId, connectorId)
                .query(UUID.class).optional();
    }

    public void insert(ChargingSession s) {
        jdbc.sql("""
                        insert into charging_session (tenant_id, id, transaction_id, reported_transaction_id, charge_point_id, connector_id,
                            evse_id, id_tag, token_id, profile_id, status, authorisation, meter_start_wh, meter_stop_wh, started_at, stopped_at,
                            stop_reason, incomplete, incomplete_reason, rating_error, created_at, start_received_at, stop_received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant(), s.id(), s.transactionId(), s.reportedTransactionId(), s.chargePointId(), s.connectorId(), s.evseId(),
                        cut(s.idTag(), 20), s.tokenId(), s.profileId(), s.status().name(),
                        s.authorisation() == null ? null : s.authorisation().name(), s.meterStartWh(), s.meterStopWh(), time(s.startedAt()),
                        time(s.stoppedAt()), cut(s.stopReason(), 64), s.incomplete(), cut(s.incompleteReason(), 500), cut(s.ratingError(), 500),
                        time(s.createdAt()), time(s.startReceivedAt()), time(s.stopReceivedAt()))
                .update();
    }

    /** Marks the session demo when its charge point is DEMO now, as the session begins. */
    public void markDemoIfOnDemo(UUID id) {
        jdbc.sql("update charging_session s set demo = true from charge_point cp where s.id = ? and cp.id = s.charge_point_id "
                + "and cp.status = 'DEMO'").param(id).update();
    }

    /** Whether the session ran on a DEMO charge point (never billed). */
    public boolean isDemo(UUID id) {
        return jdbc.sql("select demo from charging_session where id = ?").param(id).query(Boolean.class).optional().orElse(false);
    }

    /** Of these sessions, those that ran on a DEMO charge point. */
    public java.util.Set<UUID> demo(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(jdbc.sql("select id from charging_session where id = any(?) and demo")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    public void rated(UUID id, UUID cpoCdrId, UUID mspCdrId) {
        jdbc.sql("update charging_session set cpo_cdr_id = ?, msp_cdr_id = ?, rating_error = null where id = ?").params(cpoCdrId, mspCdrId, id).update();
    }

    public void notRated(UUID id, String reason) {
        jdbc.sql("update charging_session set rating_error = ? where id = ?").params(cut(reason, 500), id).update();
    }

    /**
     * Fails sessions that waited for the car since before {@code createdBefore} ({@code Pending.failStart} for all of
     * them in one statement, so that a sweep costs the same however many there are); returns how many.
     */
    public int failPending(Instant createdBefore, Instant now) {
        // Pending.failStart, set-wise: the same values and version step as one session's transition
        return jdbc.sql("update charging_session set status = 'FAILED', stop_reason = 'FailStart', stop_received_at = ?, version = version + 1 "
                + "where status = 'PENDING' and created_at < ?").params(time(now), time(createdBefore)).update();
    }

    /** Finished sessions that should have been rated but were not, nor refused (the rating was interrupted). */
    public List<UUID> unrated(Instant stoppedBefore, int limit) {
        return jdbc.sql("""
                        select id from charging_session where status = 'FINISHED' and msp_cdr_id is null and rating_error is null
                            and not incomplete and evse_id is not null and transaction_id is not null
                            and coalesce(stop_received_at, (select i.finished_at from charging_session_inactivity i
                                where i.tenant_id = charging_session.tenant_id and i.session_id = charging_session.id)) < ?
                        order by stop_received_at nulls first limit ?""")
                .params(time(stoppedBefore), limit).query(UUID.class).list();
    }

    public Optional<ChargingSession> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where id = ?").param(id).query(SessionRows::session).optional();
    }

    /** Sessions matching a condition on {@code charging_session} (for the sweeper's questions); the condition's parameters follow. */
    List<ChargingSession> where(String condition, Object... params) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where " + condition).params(params).query(SessionRows::session).list();
    }

    public Optional<ChargingSession> byTransaction(int transactionId) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where transaction_id = ?").param(transactionId).query(SessionRows::session).optional();
    }

    public Optional<ChargingSession> sameStart(UUID chargePointId, int connectorId, String idTag, Instant startedAt, long meterStartWh) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where charge_point_id = ? and connector_id = ? and id_tag = ? "
                        + "and started_at = ? and meter_start_wh = ? and transaction_id is not null")
                .params(chargePointId, connectorId, cut(idTag, 20), time(startedAt), meterStartWh).query(SessionRows::session).optional();
    }

    public Optional<ChargingSession> orphanStop(UUID chargePointId, int reportedTransactionId) {
        return jdbc.sql("select " + COLUMNS + " from charging_session where charge_point_id = ? and reported_transaction_id = ? and transaction_id is null")
                .params(chargePointId, reportedTransactionId).query(SessionRows::session).optional();
    }

    /** Whether the token charges at another charge point or connector than the one named ({@code connectorId} null: any of this one). */
    public boolean activeElsewhere(UUID tokenId, UUID chargePointId, Integer connectorId) {
        return jdbc.sql("""
                        select exists (select 1 from charging_session where token_id = ? and status = 'ACTIVE'
                            and (charge_point_id <> ? or (?::int is not null and connector_id <> ?::int)))""")
                .params(tokenId, chargePointId, connectorId, connectorId).query(Boolean.class).single();
    }

    public boolean activeHere(UUID tokenId, UUID chargePointId) {
        return jdbc.sql("select exists (select 1 from charging_session where token_id = ? and charge_point_id = ? and status in ('ACTIVE', 'PENDING'))")
                .params(tokenId, chargePointId).query(Boolean.class).single();
    }

    public Page<ChargingSession> page(SessionQuery query, UUID afterId, int limit) {
        return page(query, afterId, limit, true);
    }

    /** A page; {@code counted}: whether to count what matches, a statement of its own. */
    public Page<ChargingSession> page(SessionQuery query, UUID afterId, int limit, boolean counted) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.status() != null) {
            // a literal (an enum constant's name), so that the generic plan can use the partial index of open sessions
            where.append(" and status = '").append(query.status().name()).append("'");
        }
        if (query.chargePointId() != null) {
            where.append(" and charge_point_id = ?");
            params.add(query.chargePointId());
        }
        if (query.profileId() != null) {
            where.append(" and profile_id = ?");
            params.add(query.profileId());
        }
        if (query.from() != null) {
            where.append(" and created_at >= ?");
            params.add(time(query.from()));
        }
        if (query.to() != null) {
            where.append(" and created_at < ?");
            params.add(time(query.to()));
        }
        long total = counted ? jdbc.sql("select count(*) from charging_session" + where).params(params).query(Long.class).single() : Page.NOT_COUNTED;
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (afterId != null) {
            keyset = " and (created_at, id) < (select c.created_at, c.id from charging_session c where c.id = ?)";
            pageParams.add(afterId);
        }
        pageParams.add(limit + 1);
        List<ChargingSession> rows = jdbc.sql("select " + COLUMNS + " from charging_session" + where + keyset + " order by created_at desc, id desc limit ?")
                .params(pageParams).query(SessionRows::session).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    // ---- meter values

    /** A sample ready to store; {@code phase} and {@code location} are '' when absent (the unique key needs a value). */
    public record Sample(Instant at, String measurand, String phase, String location, String unit, BigDecimal value, String context) {
    }

    /** A sample as taken on a charger's connector, within a session or not. */
    public record SampleRow(UUID chargePointId, int connectorId, UUID sessionId, Sample sample) {
    }

    /**
     * A session as the MeterValues path needs it: with its newest energy register reading and when it was taken (both
     * null when it has none yet, or for a session from before they were kept).
     */
    public record Metered(ChargingSession session, BigDecimal registerWh, Instant registerAt) {
    }

    /** A session's newest readings from one batch of samples (see {@link #latest}). */
    public record Latest(UUID sessionId, Instant at, BigDecimal energyWh, BigDecimal powerW, BigDecimal socPercent, Instant registerAt,
            BigDecimal registerWh, Instant receivedAt) {
    }

    /** The sessions of these transaction ids, by transaction id. */
    public java.util.Map<Integer, Metered> metered(java.util.Collection<Integer> transactionIds) {
        java.util.Map<Integer, Metered> found = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + ", register_wh, register_at from charging_session where transaction_id = any(?)").param(transactionIds.toArray(Integer[]::new))
                .query((rs, n) -> new Metered(session(rs, n), rs.getBigDecimal("register_wh"), instant(rs, "register_at")))
                .list().forEach(m -> found.put(m.session().transactionId(), m));
        return found;
    }

    /**
     * Stores, in one statement, the samples not stored yet (the same charger, connector, time, measurand, phase and
     * location is the same sample); returns, in the order given, whether each was new. The samples travel as one array
     * per column, unnested on the server: the statement's text is the same for any number of samples, so it is parsed
     * and planned once per connection instead of once per batch (a batch of 1,500 samples as a VALUES list was 18,000
     * parameters and a plan of its own).
     */
    public boolean[] insertSamples(List<SampleRow> samples, Instant now) {
        boolean[] added = new boolean[samples.size()];
        if (samples.isEmpty()) {
            return added;
        }
        int size = samples.size();
        UUID[] chargePoints = new UUID[size];
        Integer[] connectors = new Integer[size];
        UUID[] sessions = new UUID[size];
        String[] sampledAt = new String[size];
        String[] measurands = new String[size];
        String[] phases = new String[size];
        String[] locations = new String[size];
        String[] units = new String[size];
        BigDecimal[] values = new BigDecimal[size];
        String[] contexts = new String[size];
        for (int i = 0; i < size; i++) {
            SampleRow row = samples.get(i);
            Sample sample = row.sample();
            chargePoints[i] = row.chargePointId();
            connectors[i] = row.connectorId();
            sessions[i] = row.sessionId();
            sampledAt[i] = timestamp(micros(sample.at()));
            measurands[i] = cut(sample.measurand(), 64);
            phases[i] = cut(sample.phase(), 8);
            locations[i] = cut(sample.location(), 16);
            units[i] = cut(sample.unit(), 16);
            values[i] = sample.value();
            contexts[i] = cut(sample.context(), 32);
        }
        List<List<Object>> stored = jdbc.sql("""
                        insert into meter_value (tenant_id, charge_point_id, connector_id, session_id, sampled_at, measurand, phase, location,
                                                 unit, value, context, received_at)
                        select ?, v.charge_point_id, v.connector_id, v.session_id, v.sampled_at, v.measurand, v.phase, v.location,
                               v.unit, v.value, v.context, ?
                        from unnest(?::uuid[], ?::int[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
                                    ?::text[]) with ordinality
                            as v(charge_point_id, connector_id, session_id, sampled_at, measurand, phase, location, unit, value, context, n)
                        order by v.n
                        on conflict do nothing
                        returning charge_point_id, connector_id, sampled_at, measurand, phase, location""")
                .params(tenant(), time(now), array("uuid", chargePoints), array("int4", connectors), array("uuid", sessions),
                        array("timestamptz", sampledAt), array("text", measurands), array("text", phases), array("text", locations),
                        array("text", units), array("numeric", values), array("text", contexts))
                .query((rs, n) -> List.<Object>of(rs.getObject("charge_point_id", UUID.class), rs.getInt("connector_id"),
                        instant(rs, "sampled_at"), rs.getString("measurand"), rs.getString("phase"), rs.getString("location")))
                .list();
        java.util.Set<List<Object>> remaining = new java.util.HashSet<>(stored);
        for (int i = 0; i < size; i++) {
            added[i] = remaining.remove(List.<Object>of(chargePoints[i], connectors[i], micros(samples.get(i).sample().at()), measurands[i],
                    phases[i], locations[i]));
        }
        return added;
    }

    /** An array parameter, made with the statement's connection when it is bound. */
    private static org.springframework.jdbc.support.SqlArrayValue array(String type, Object[] elements) {
        return new org.springframework.jdbc.support.SqlArrayValue(type, elements);
    }

    /**
     * Moves sessions' newest readings forward, one statement for all: energy, power and SoC as of {@code at} (each null
     * when the samples had none; ignored when the session already shows later readings), the newest register reading,
     * and when the platform received them. Returns the sessions as they are now. Like the samples, the updates travel
     * as arrays: one statement text, whatever their number.
     */
    public List<ChargingSession> latest(List<Latest> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        int size = updates.size();
        UUID[] ids = new UUID[size];
        String[] at = new String[size];
        BigDecimal[] energy = new BigDecimal[size];
        BigDecimal[] power = new BigDecimal[size];
        BigDecimal[] soc = new BigDecimal[size];
        String[] registerAt = new String[size];
        BigDecimal[] register = new BigDecimal[size];
        String[] receivedAt = new String[size];
        for (int i = 0; i < size; i++) {
            Latest update = updates.get(i);
            ids[i] = update.sessionId();
            at[i] = timestamp(update.at());
            energy[i] = update.energyWh();
            power[i] = update.powerW();
            soc[i] = update.socPercent();
            registerAt[i] = timestamp(update.registerAt());
            register[i] = update.registerWh();
            receivedAt[i] = timestamp(update.receivedAt());
        }
        return jdbc.sql("""
                        update charging_session s set
                            latest_energy_wh = case when s.latest_sample_at is null or s.latest_sample_at <= v.at
                                then coalesce(v.energy, s.latest_energy_wh) else s.latest_energy_wh end,
                            latest_power_w = case when s.latest_sample_at is null or s.latest_sample_at <= v.at
                                then coalesce(v.power, s.latest_power_w) else s.latest_power_w end,
                            latest_soc_percent = case when s.latest_sample_at is null or s.latest_sample_at <= v.at
                                then coalesce(v.soc, s.latest_soc_percent) else s.latest_soc_percent end,
                            latest_sample_at = greatest(s.latest_sample_at, v.at),
                            register_wh = case when v.register_at is not null and (s.register_at is null or s.register_at < v.register_at)
                                then v.register else s.register_wh end,
                            register_at = greatest(s.register_at, v.register_at),
                            reading_received_at = greatest(s.reading_received_at, v.received_at)
                        from unnest(?::uuid[], ?::timestamptz[], ?::numeric[], ?::numeric[], ?::numeric[], ?::timestamptz[], ?::numeric[],
                                    ?::timestamptz[]) as v(id, at, energy, power, soc, register_at, register, received_at)
                        where s.id = v.id
                        returning s.*""")
                .params(array("uuid", ids), array("timestamptz", at), array("numeric", energy), array("numeric", power), array("numeric", soc),
                        array("timestamptz", registerAt), array("numeric", register), array("timestamptz", receivedAt))
                .query(SessionRows::session).list();
    }

    /**
     * An instant as an element of a {@code timestamptz[]}: ISO-8601 in UTC, exact whatever the JVM's or the session's
     * time zone (a {@link java.sql.Timestamp} would travel as a local time, ambiguous in the hour a clock goes back).
     */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** PostgreSQL keeps microseconds; a charger may send nanoseconds. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The register readings just before and just after {@code at} in the session, for the rule that a register never decreases. */
    public BigDecimal[] registerAround(UUID sessionId, Instant at) {
        return jdbc.sql("""
                        select (select max(value) from meter_value where session_id = ? and measurand = ? and phase = '' and location <> 'EV'
                                    and sampled_at < ?),
                               (select min(value) from meter_value where session_id = ? and measurand = ? and phase = '' and location <> 'EV'
                                    and sampled_at > ?)""")
                .params(sessionId, ENERGY_REGISTER, time(at), sessionId, ENERGY_REGISTER, time(at))
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
    }

    public List<ChargingPeriods.Reading> registerReadings(UUID sessionId) {
        // the total power (W) and current (A) sampled with a register reading decide power and current restrictions
        return jdbc.sql("""
                        select e.sampled_at, e.value,
                               (select p.value from meter_value p where p.session_id = e.session_id and p.sampled_at = e.sampled_at
                                 and p.measurand = 'Power.Active.Import' and p.phase = '' and p.location <> 'EV' limit 1) as power_w,
                               (select c.value from meter_value c where c.session_id = e.session_id and c.sampled_at = e.sampled_at
                                 and c.measurand = 'Current.Import' and c.phase = '' and c.location <> 'EV' limit 1) as current_a
                          from meter_value e
                         where e.session_id = ? and e.measurand = ? and e.phase = '' and e.location <> 'EV'
                         order by e.sampled_at""")
                .params(sessionId, ENERGY_REGISTER).query((rs, n) -> new ChargingPeriods.Reading(instant(rs, "sampled_at"), rs.getBigDecimal("value"),
                        rs.getBigDecimal("power_w"), rs.getBigDecimal("current_a")))
                .list();
    }

    public List<MeterValue> meterValues(UUID sessionId, int limit) {
        return jdbc.sql("select * from meter_value where session_id = ? order by sampled_at, measurand, phase limit ?").params(sessionId, limit)
                .query((rs, n) -> new MeterValue(rs.getLong("id"), rs.getObject("charge_point_id", UUID.class), rs.getInt("connector_id"),
                        rs.getObject("session_id", UUID.class), instant(rs, "sampled_at"), rs.getString("measurand"), emptyToNull(rs.getString("phase")),
                        emptyToNull(rs.getString("location")), rs.getString("unit"), rs.getBigDecimal("value"), rs.getString("context"),
                        instant(rs, "received_at")))
                .list();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static ChargingSession session(ResultSet rs, int n) throws SQLException {
        String authorisation = rs.getString("authorisation");
        return new ChargingSession(rs.getObject("id", UUID.class), (Integer) rs.getObject("transaction_id"),
                (Integer) rs.getObject("reported_transaction_id"), rs.getObject("charge_point_id", UUID.class), (Integer) rs.getObject("connector_id"),
                rs.getObject("evse_id", UUID.class), rs.getString("id_tag"), rs.getObject("token_id", UUID.class),
                rs.getObject("profile_id", UUID.class), SessionStatus.valueOf(rs.getString("status")),
                authorisation == null ? null : ChargerEvents.AuthorizationStatus.valueOf(authorisation), (Long) rs.getObject("meter_start_wh"),
                (Long) rs.getObject("meter_stop_wh"), instant(rs, "started_at"), instant(rs, "stopped_at"), rs.getString("stop_reason"),
                rs.getBigDecimal("latest_energy_wh"), rs.getBigDecimal("latest_power_w"), rs.getBigDecimal("latest_soc_percent"),
                instant(rs, "latest_sample_at"), rs.getBoolean("incomplete"), rs.getString("incomplete_reason"),
                rs.getObject("cpo_cdr_id", UUID.class), rs.getObject("msp_cdr_id", UUID.class), rs.getString("rating_error"),
                instant(rs, "created_at"), instant(rs, "start_received_at"), instant(rs, "stop_received_at"));
    }

    /** The tariff an operator chose at a manual start, which rates the session instead of the selection's. */
    public void setTariffOverride(UUID id, UUID tariffId) {
        jdbc.sql("update charging_session set tariff_override_id = ? where id = ?").params(tariffId, id).update();
    }

    public Optional<UUID> tariffOverride(UUID id) {
        return jdbc.sql("select tariff_override_id from charging_session where id = ? and tariff_override_id is not null").param(id)
                .query(UUID.class).optional();
    }
}
