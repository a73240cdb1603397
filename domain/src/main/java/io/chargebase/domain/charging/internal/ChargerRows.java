package io.chargebase.domain.charging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.ChargerConnection;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargingSettings;
import io.chargebase.domain.charging.ConnectorState;
import io.chargebase.domain.charging.LoggedFrame;
import io.chargebase.tenancy.TenantContext;

/** Chargers' connection state, connector statuses and their history, the communication log, and the tenant's charging settings. */
@Repository
public class ChargerRows {

    private final JdbcClient jdbc;

    ChargerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- settings

    public Optional<ChargingSettings> settings() {
        return jdbc.sql("select * from charging_settings").query((rs, n) -> new ChargingSettings(seconds(rs, "heartbeat_interval_s"),
                seconds(rs, "temporarily_unavailable_s"), seconds(rs, "long_term_unavailable_s"), seconds(rs, "fail_start_timeout_s"),
                seconds(rs, "inactivity_timeout_s"), ChargingSettings.UnknownChargePoints.valueOf(rs.getString("unknown_charge_points")),
                seconds(rs, "finish_after_inactivity_s"), seconds(rs, "meter_value_sample_interval_s")))
                .optional();
    }

    public void saveSettings(ChargingSettings s) {
        jdbc.sql("""
                        insert into charging_settings (tenant_id, heartbeat_interval_s, temporarily_unavailable_s, long_term_unavailable_s,
                            fail_start_timeout_s, inactivity_timeout_s, unknown_charge_points, finish_after_inactivity_s,
                            meter_value_sample_interval_s)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set heartbeat_interval_s = excluded.heartbeat_interval_s,
                            temporarily_unavailable_s = excluded.temporarily_unavailable_s,
                            long_term_unavailable_s = excluded.long_term_unavailable_s, fail_start_timeout_s = excluded.fail_start_timeout_s,
                            inactivity_timeout_s = excluded.inactivity_timeout_s, unknown_charge_points = excluded.unknown_charge_points,
                            finish_after_inactivity_s = excluded.finish_after_inactivity_s,
                            meter_value_sample_interval_s = excluded.meter_value_sample_interval_s, updated_at = now()""")
                .params(tenant(), s.heartbeatInterval().toSeconds(), s.temporarilyUnavailableAfter().toSeconds(),
                        s.longTermUnavailableAfter().toSeconds(), s.failStartTimeout().toSeconds(), s.inactivityTimeout().toSeconds(),
                        s.unknownChargePoints().name(), s.finishAfterInactivity().toSeconds(), s.meterValueSampleInterval().toSeconds())
                .update();
    }

    // ---- connection

    /**
     * Marks the charger heard from now: online again, whatever the sweeper had concluded. Within a second of the last
     * mark nothing is written, so a busy charger costs one statement per message and few row versions.
     */
    public void seen(UUID chargePointId, Instant now) {
        jdbc.sql("""
                        insert into charger_connection (tenant_id, charge_point_id, network_status, last_seen_at) values (?, ?, 'ONLINE', ?)
                        on conflict (tenant_id, charge_point_id) do update set last_seen_at = excluded.last_seen_at, network_status = 'ONLINE'
                        where charger_connection.last_seen_at < excluded.last_seen_at - interval '1 second'
                            or charger_connection.network_status <> 'ONLINE'""")
                .params(tenant(), chargePointId, time(now)).update();
    }

    /** The same for several chargers at once. */
    public void seen(java.util.Collection<UUID> chargePointIds, Instant now) {
        if (chargePointIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into charger_connection (tenant_id, charge_point_id, network_status, last_seen_at)
                        select ?, id, 'ONLINE', ? from unnest(?::uuid[]) as ids(id)
                        on conflict (tenant_id, charge_point_id) do update set last_seen_at = excluded.last_seen_at, network_status = 'ONLINE'
                        where charger_connection.last_seen_at < excluded.last_seen_at - interval '1 second'
                            or charger_connection.network_status <> 'ONLINE'""")
                .params(tenant(), time(now), new java.util.LinkedHashSet<>(chargePointIds).toArray(UUID[]::new)).update();
    }

    public void connected(UUID chargePointId, String remoteAddress, String protocol, Instant now) {
        seen(chargePointId, now);
        jdbc.sql("update charger_connection set connected = true, connected_at = ?, remote_address = ?, protocol = ? where charge_point_id = ?")
                .params(time(now), cut(remoteAddress, 128), cut(protocol, 32), chargePointId).update();
    }

    public void disconnected(UUID chargePointId, Instant now) {
        jdbc.sql("update charger_connection set connected = false, disconnected_at = ? where charge_point_id = ?")
                .params(time(now), chargePointId).update();
    }

    public void booted(UUID chargePointId, ChargerEvents.BootInfo info, ChargerEvents.RegistrationStatus registration, Instant now) {
        seen(chargePointId, now);
        jdbc.sql("""
                        update charger_connection set registration = ?, booted_at = ?, vendor = ?, model = ?, serial_number = ?,
                            charge_box_serial = ?, firmware_version = ?, iccid = ?, imsi = ?, meter_type = ?, meter_serial_number = ?
                        where charge_point_id = ?""")
                .params(registration.name(), time(now), cut(info.vendor(), 64), cut(info.model(), 64), cut(info.serialNumber(), 64),
                        cut(info.chargeBoxSerialNumber(), 64), cut(info.firmwareVersion(), 64), cut(info.iccid(), 64), cut(info.imsi(), 64),
                        cut(info.meterType(), 64), cut(info.meterSerialNumber(), 64), chargePointId)
                .update();
    }

    public void firmwareStatus(UUID chargePointId, String status) {
        jdbc.sql("update charger_connection set firmware_status = ? where charge_point_id = ?").params(cut(status, 64), chargePointId).update();
    }

    public void diagnosticsStatus(UUID chargePointId, String status) {
        jdbc.sql("update charger_connection set diagnostics_status = ? where charge_point_id = ?").params(cut(status, 64), chargePointId).update();
    }

    /** Moves chargers silent since the thresholds down a status; returns how many changed. */
    /** Marks silent chargers unavailable; answers with the charge points that changed and their new network status. */
    public java.util.Map<UUID, String> markUnavailable(Instant temporarilySince, Instant longTermSince) {
        java.util.Map<UUID, String> changed = new java.util.LinkedHashMap<>();
        jdbc.sql("update charger_connection set network_status = 'LONG_TERM_UNAVAILABLE' "
                        + "where last_seen_at < ? and network_status <> 'LONG_TERM_UNAVAILABLE' returning charge_point_id")
                .param(time(longTermSince)).query(UUID.class).list().forEach(id -> changed.put(id, "LONG_TERM_UNAVAILABLE"));
        jdbc.sql("update charger_connection set network_status = 'TEMPORARILY_UNAVAILABLE' "
                        + "where last_seen_at < ? and network_status = 'ONLINE' returning charge_point_id")
                .param(time(temporarilySince)).query(UUID.class).list().forEach(id -> changed.put(id, "TEMPORARILY_UNAVAILABLE"));
        return changed;
    }

    public Optional<ChargerConnection> connection(UUID chargePointId) {
        return jdbc.sql("select * from charger_connection where charge_point_id = ?").param(chargePointId).query(ChargerRows::connection).optional();
    }

    public List<ChargerConnection> connections(java.util.Collection<UUID> chargePointIds) {
        if (chargePointIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from charger_connection where charge_point_id = any(?)").param(chargePointIds.toArray(UUID[]::new))
                .query(ChargerRows::connection).list();
    }

    public Optional<String> chargePointStatus(UUID chargePointId) {
        return jdbc.sql("select status from charge_point where id = ?").param(chargePointId).query(String.class).optional();
    }

    // ---- connector status

    public void status(UUID chargePointId, ChargerEvents.ConnectorStatus s, Instant statusAt, Instant now) {
        Object[] values = {tenant(), chargePointId, s.connectorId(), cut(s.status(), 32), cut(s.errorCode(), 64), cut(s.info(), 100),
                cut(s.vendorId(), 255), cut(s.vendorErrorCode(), 100), time(statusAt), time(now)};
        jdbc.sql("""
                        insert into connector_status_history (tenant_id, charge_point_id, connector_id, status, error_code, info, vendor_id,
                            vendor_error_code, status_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        // a late notification (older than what we have) goes to the history only
        jdbc.sql("""
                        insert into connector_status (tenant_id, charge_point_id, connector_id, status, error_code, info, vendor_id,
                            vendor_error_code, status_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, charge_point_id, connector_id) do update set status = excluded.status,
                            error_code = excluded.error_code, info = excluded.info, vendor_id = excluded.vendor_id,
                            vendor_error_code = excluded.vendor_error_code, status_at = excluded.status_at, received_at = excluded.received_at
                        where connector_status.status_at <= excluded.status_at""").params(values).update();
    }

    public List<ConnectorState> connectorStates(java.util.Collection<UUID> chargePointIds) {
        if (chargePointIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select 0 as id, * from connector_status where charge_point_id = any(?) order by charge_point_id, connector_id")
                .param(chargePointIds.toArray(UUID[]::new)).query(ChargerRows::state).list();
    }

    public Optional<ConnectorState> connectorState(UUID chargePointId, int connectorId) {
        return jdbc.sql("select 0 as id, * from connector_status where charge_point_id = ? and connector_id = ?").params(chargePointId, connectorId)
                .query(ChargerRows::state).optional();
    }

    /** Newest first; {@code beforeId} continues a page. One row more than {@code limit} says whether more follow. */
    public List<ConnectorState> history(UUID chargePointId, Long beforeId, int limit) {
        return jdbc.sql("select * from connector_status_history where charge_point_id = ? and id < ? order by id desc limit ?")
                .params(chargePointId, beforeId == null ? Long.MAX_VALUE : beforeId, limit).query(ChargerRows::state).list();
    }

    // ---- communication log

    public List<LoggedFrame> log(UUID chargePointId, Long beforeId, int limit) {
        return jdbc.sql("select * from communication_log where charge_point_id = ? and id < ? order by id desc limit ?")
                .params(chargePointId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query((rs, n) -> new LoggedFrame(rs.getLong("id"), rs.getObject("charge_point_id", UUID.class),
                        ChargerEvents.FrameDirection.valueOf(rs.getString("direction")), rs.getString("action"), rs.getString("message_id"),
                        rs.getString("text"), rs.getBoolean("truncated"), instant(rs, "at")))
                .list();
    }

    // ---- mapping

    private static ChargerConnection connection(ResultSet rs, int n) throws SQLException {
        String registration = rs.getString("registration");
        return new ChargerConnection(rs.getObject("charge_point_id", UUID.class),
                ChargerConnection.NetworkStatus.valueOf(rs.getString("network_status")), rs.getBoolean("connected"), instant(rs, "connected_at"),
                instant(rs, "disconnected_at"), instant(rs, "last_seen_at"), rs.getString("protocol"), rs.getString("remote_address"),
                registration == null ? null : ChargerEvents.RegistrationStatus.valueOf(registration), instant(rs, "booted_at"),
                new ChargerEvents.BootInfo(rs.getString("vendor"), rs.getString("model"), rs.getString("serial_number"),
                        rs.getString("charge_box_serial"), rs.getString("firmware_version"), rs.getString("iccid"), rs.getString("imsi"),
                        rs.getString("meter_type"), rs.getString("meter_serial_number")),
                rs.getString("firmware_status"), rs.getString("diagnostics_status"));
    }

    private static ConnectorState state(ResultSet rs, int n) throws SQLException {
        return new ConnectorState(rs.getLong("id"), rs.getObject("charge_point_id", UUID.class), rs.getInt("connector_id"), rs.getString("status"),
                rs.getString("error_code"), rs.getString("info"), rs.getString("vendor_id"), rs.getString("vendor_error_code"),
                instant(rs, "status_at"), instant(rs, "received_at"));
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        return Duration.ofSeconds(rs.getLong(column));
    }

    static UUID tenant() {
        return TenantContext.requireTenant().value();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
