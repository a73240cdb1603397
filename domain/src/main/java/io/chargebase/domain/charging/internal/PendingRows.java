package io.chargebase.domain.charging.internal;

import static io.chargebase.domain.charging.internal.ChargerRows.cut;
import static io.chargebase.domain.charging.internal.ChargerRows.instant;
import static io.chargebase.domain.charging.internal.ChargerRows.tenant;
import static io.chargebase.domain.charging.internal.ChargerRows.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.PendingChargePoint;

/** The tenant's pending charge points. */
@Repository
public class PendingRows {

    private final JdbcClient jdbc;

    PendingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the identity as arrived now, or as seen again; the row, new or updated. */
    public PendingChargePoint arrived(String identity, String remoteAddress, Instant now) {
        return jdbc.sql("""
                        insert into pending_charge_point (tenant_id, id, ocpp_identity, first_seen_at, last_seen_at, remote_address)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, ocpp_identity) do update set last_seen_at = excluded.last_seen_at,
                            remote_address = excluded.remote_address
                        returning *""")
                .params(tenant(), UUID.randomUUID(), identity, time(now), time(now), cut(remoteAddress, 128))
                .query(PendingRows::pending).single();
    }

    public int count() {
        return jdbc.sql("select count(*) from pending_charge_point").query(Integer.class).single();
    }

    public boolean exists(String identity) {
        return jdbc.sql("select count(*) from pending_charge_point where ocpp_identity = ?").param(identity).query(Integer.class).single() > 0;
    }

    /** False when the row is gone (accepted or dismissed meanwhile). */
    public boolean seen(UUID id, Instant now) {
        return jdbc.sql("update pending_charge_point set last_seen_at = greatest(last_seen_at, ?) where id = ?").params(time(now), id).update() > 0;
    }

    public boolean booted(UUID id, ChargerEvents.BootInfo info, Instant now) {
        return jdbc.sql("""
                        update pending_charge_point set last_seen_at = greatest(last_seen_at, ?), booted_at = ?, vendor = ?, model = ?,
                            serial_number = ?, charge_box_serial = ?, firmware_version = ?, iccid = ?, imsi = ?, meter_type = ?,
                            meter_serial_number = ?
                        where id = ?""")
                .params(time(now), time(now), cut(info.vendor(), 64), cut(info.model(), 64), cut(info.serialNumber(), 64),
                        cut(info.chargeBoxSerialNumber(), 64), cut(info.firmwareVersion(), 64), cut(info.iccid(), 64), cut(info.imsi(), 64),
                        cut(info.meterType(), 64), cut(info.meterSerialNumber(), 64), id)
                .update() > 0;
    }

    /** Newest first; an identity that meanwhile became a charge point's is no longer pending and is left out. */
    public List<PendingChargePoint> list(int limit) {
        return jdbc.sql("""
                        select p.* from pending_charge_point p
                        where not exists (select 1 from charge_point c where c.ocpp_identity = p.ocpp_identity)
                        order by p.last_seen_at desc, p.id limit ?""")
                .param(limit).query(PendingRows::pending).list();
    }

    /** The row, locked until the transaction ends, so that accepting and dismissing it happen once. */
    public Optional<PendingChargePoint> lock(UUID id) {
        return jdbc.sql("select * from pending_charge_point where id = ? for update").param(id).query(PendingRows::pending).optional();
    }

    public Optional<PendingChargePoint> find(UUID id) {
        return jdbc.sql("select * from pending_charge_point where id = ?").param(id).query(PendingRows::pending).optional();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from pending_charge_point where id = ?").param(id).update();
    }

    public void deleteIdentity(String identity) {
        jdbc.sql("delete from pending_charge_point where ocpp_identity = ?").param(identity).update();
    }

    private static PendingChargePoint pending(ResultSet rs, int n) throws SQLException {
        return new PendingChargePoint(rs.getObject("id", UUID.class), rs.getString("ocpp_identity"), instant(rs, "first_seen_at"),
                instant(rs, "last_seen_at"), rs.getString("remote_address"), instant(rs, "booted_at"),
                new ChargerEvents.BootInfo(rs.getString("vendor"), rs.getString("model"), rs.getString("serial_number"),
                        rs.getString("charge_box_serial"), rs.getString("firmware_version"), rs.getString("iccid"), rs.getString("imsi"),
                        rs.getString("meter_type"), rs.getString("meter_serial_number")));
    }
}
