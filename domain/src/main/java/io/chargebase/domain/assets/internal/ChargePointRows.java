package io.chargebase.domain.assets.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.domain.SqlSearch;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargingZone;
import io.chargebase.domain.assets.Connector;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.Page;
import io.chargebase.tenancy.TenantContext;

@Repository
public class ChargePointRows {

    private static final String COLUMNS = "id, location_id, ocpp_identity, vendor, model, serial_number, status, zone_id, "
            + "secret_hash is not null as has_secret, created_at";

    private final JdbcClient jdbc;

    ChargePointRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChargePoint insert(UUID id, UUID location, String identity, String vendor, String model, String serial,
            AssetTypes.ChargePointStatus status, String secretHash) {
        return jdbc.sql("insert into charge_point (tenant_id, id, location_id, ocpp_identity, vendor, model, serial_number, status, "
                        + "secret_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(tenant(), id, location, identity, vendor, model, serial, status.name(), secretHash)
                .query(ChargePointRows::chargePoint)
                .single();
    }

    public void insertEvse(UUID id, UUID chargePoint, String evseId, int number, AssetTypes.CurrentType current, BigDecimal maxPowerKw) {
        jdbc.sql("insert into evse (tenant_id, id, charge_point_id, evse_id, ocpp_number, current_type, max_power_kw) values (?, ?, ?, ?, ?, ?, ?)")
                .params(tenant(), id, chargePoint, evseId, number, current.name(), maxPowerKw)
                .update();
    }

    public void insertConnector(UUID id, UUID evse, AssetTypes.ConnectorStandard standard, AssetTypes.ConnectorFormat format,
            AssetTypes.PowerType powerType, int maxVoltage, int maxAmperage, int position) {
        jdbc.sql("insert into connector (tenant_id, id, evse_id, standard, format, power_type, max_voltage, max_amperage, position) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant(), id, evse, standard.name(), format.name(), powerType.name(), maxVoltage, maxAmperage, position)
                .update();
    }

    /**
     * Whether the charge point stands at a location owned by a unit the caller may see: row-level security on the
     * units narrows an OU admin to their subtree, so this holds for theirs only. A location with no owner is the tenant's.
     */
    public boolean inVisibleUnit(UUID id) {
        return jdbc.sql("""
                        select exists (select 1 from charge_point cp join location l on l.id = cp.location_id
                            join organisation_unit ou on ou.id = l.owner_unit_id where cp.id = ?)""")
                .param(id).query(Boolean.class).single();
    }

    public Optional<ChargePoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from charge_point where id = ?").param(id).query(ChargePointRows::chargePoint).optional();
    }

    /** The charge point with this exact identity and its secret hash (null when it has none). */
    public Optional<Credentials> findCredentials(String identity) {
        return jdbc.sql("select " + COLUMNS + ", secret_hash from charge_point where ocpp_identity = ?").param(identity)
                .query((rs, row) -> new Credentials(chargePoint(rs, row), rs.getString("secret_hash"))).optional();
    }

    public record Credentials(ChargePoint chargePoint, String secretHash) {
    }

    public ChargePoint setStatus(UUID id, AssetTypes.ChargePointStatus status) {
        return jdbc.sql("update charge_point set status = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(status.name(), id).query(ChargePointRows::chargePoint).single();
    }

    public ChargePoint setZone(UUID id, UUID zone) {
        return jdbc.sql("update charge_point set zone_id = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(zone, id).query(ChargePointRows::chargePoint).single();
    }

    public UUID insertZone(UUID id, UUID location, String name) {
        jdbc.sql("insert into charging_zone (tenant_id, id, location_id, name) values (?, ?, ?, ?)").params(tenant(), id, location, name).update();
        return id;
    }

    /** The zone's location, if the zone exists. */
    public Optional<UUID> zoneLocation(UUID zone) {
        return jdbc.sql("select location_id from charging_zone where id = ?").param(zone).query(UUID.class).optional();
    }

    public Map<UUID, List<ChargingZone>> zonesAt(Collection<UUID> locations) {
        Map<UUID, List<ChargingZone>> zones = grouped(locations);
        if (!locations.isEmpty()) {
            jdbc.sql("select id, location_id, name from charging_zone where location_id = any(?) order by lower(name)")
                    .param(locations.toArray(UUID[]::new))
                    .query(ChargePointRows::zone)
                    .list()
                    .forEach(zone -> zones.get(zone.locationId()).add(zone));
        }
        return zones;
    }

    public List<ChargingZone> findZones(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("select id, location_id, name from charging_zone where id = any(?)")
                .param(ids.toArray(UUID[]::new)).query(ChargePointRows::zone).list();
    }

    public Optional<ChargingZone> findZone(UUID id) {
        return jdbc.sql("select id, location_id, name from charging_zone where id = ?").param(id).query(ChargePointRows::zone).optional();
    }

    static ChargingZone zone(ResultSet rs, int row) throws SQLException {
        return new ChargingZone(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class), rs.getString("name"));
    }

    public ChargePoint setDetails(UUID id, String vendor, String model, String serial) {
        return jdbc.sql("update charge_point set vendor = ?, model = ?, serial_number = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(vendor, model, serial, id).query(ChargePointRows::chargePoint).single();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from charge_point where id = ?").param(id).update();
    }

    public void setSecretHash(UUID id, String hash) {
        jdbc.sql("update charge_point set secret_hash = ?, updated_at = now() where id = ?").params(hash, id).update();
    }

    public Page<ChargePoint> search(String text, UUID location, UUID afterId, int limit) {
        return SqlSearch.from("charge_point", COLUMNS).containing(text, "ocpp_identity", "vendor", "model", "serial_number")
                .equal("location_id", location).page(jdbc, afterId, limit, ChargePointRows::chargePoint);
    }

    public Map<UUID, List<ChargePoint>> atLocations(Collection<UUID> locations) {
        Map<UUID, List<ChargePoint>> result = grouped(locations);
        if (!locations.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from charge_point where location_id = any(?) order by ocpp_identity")
                    .param(locations.toArray(UUID[]::new)).query(ChargePointRows::chargePoint).list()
                    .forEach(chargePoint -> result.get(chargePoint.locationId()).add(chargePoint));
        }
        return result;
    }

    public void setReservationMinutes(UUID evseId, Integer minutes) {
        jdbc.sql("update evse set reservation_minutes = ? where id = ?").params(minutes, evseId).update();
    }

    /** The reservation time of those of the EVSEs that have one. */
    public Map<UUID, Integer> reservationMinutes(Collection<UUID> evseIds) {
        Map<UUID, Integer> result = new java.util.LinkedHashMap<>();
        if (!evseIds.isEmpty()) {
            jdbc.sql("select id, reservation_minutes from evse where id = any(?) and reservation_minutes is not null")
                    .param(evseIds.toArray(UUID[]::new))
                    .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getInt("reservation_minutes")))
                    .list().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        }
        return result;
    }

    /** The operator's setting; {@code held} keeps it against what the charger reports. */
    public void setEvseStatus(UUID id, AssetTypes.EvseStatus status, boolean held) {
        jdbc.sql("update evse set status = ?, held_by_operator = ? where id = ?").params(status.name(), held, id).update();
    }

    /** What the charger reports, unless the operator holds the EVSE's status. */
    public void reportEvseStatus(UUID id, AssetTypes.EvseStatus status) {
        jdbc.sql("update evse set status = ? where id = ? and not held_by_operator").params(status.name(), id).update();
    }

    /** A charge point's operator status and, when {@code ocppNumber} names one of its EVSEs, that EVSE's. */
    public record StartConditions(AssetTypes.ChargePointStatus chargePoint, String evseId, Integer ocppNumber, AssetTypes.EvseStatus evse,
            boolean evseHeld) {
    }

    public Optional<StartConditions> startConditions(UUID chargePointId, Integer ocppNumber) {
        return jdbc.sql("select cp.status, e.evse_id, e.ocpp_number, e.status as evse_status, e.held_by_operator from charge_point cp "
                        + "left join evse e on e.charge_point_id = cp.id and e.ocpp_number = ? where cp.id = ?")
                .params(ocppNumber, chargePointId)
                .query((rs, row) -> new StartConditions(AssetTypes.ChargePointStatus.valueOf(rs.getString("status")), rs.getString("evse_id"),
                        rs.getObject("ocpp_number", Integer.class),
                        rs.getString("evse_status") == null ? null : AssetTypes.EvseStatus.valueOf(rs.getString("evse_status")),
                        rs.getBoolean("held_by_operator")))
                .optional();
    }

    /** The operator status of each of these charge points that exists. */
    public Map<UUID, AssetTypes.ChargePointStatus> statuses(Collection<UUID> ids) {
        Map<UUID, AssetTypes.ChargePointStatus> result = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, status from charge_point where id = any(?)").param(ids.toArray(UUID[]::new))
                    .query((rs, row) -> result.put(rs.getObject("id", UUID.class), AssetTypes.ChargePointStatus.valueOf(rs.getString("status"))))
                    .list();
        }
        return result;
    }

    public Optional<Evse> findEvse(UUID id) {
        return jdbc.sql("select id, charge_point_id, evse_id, ocpp_number, current_type, max_power_kw, status from evse where id = ?")
                .param(id)
                .query((rs, row) -> new Evse(rs.getObject("id", UUID.class), rs.getObject("charge_point_id", UUID.class),
                        rs.getString("evse_id"), rs.getInt("ocpp_number"), AssetTypes.CurrentType.valueOf(rs.getString("current_type")),
                        rs.getBigDecimal("max_power_kw"), AssetTypes.EvseStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    public List<ChargePoint> findAll(Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from charge_point where id = any(?)").param(ids.toArray(UUID[]::new))
                .query(ChargePointRows::chargePoint).list();
    }

    public List<Evse> findEvses(Collection<UUID> ids) {
        return jdbc.sql("select id, charge_point_id, evse_id, ocpp_number, current_type, max_power_kw, status from evse where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> new Evse(rs.getObject("id", UUID.class), rs.getObject("charge_point_id", UUID.class),
                        rs.getString("evse_id"), rs.getInt("ocpp_number"), AssetTypes.CurrentType.valueOf(rs.getString("current_type")),
                        rs.getBigDecimal("max_power_kw"), AssetTypes.EvseStatus.valueOf(rs.getString("status"))))
                .list();
    }

    public Map<UUID, List<Evse>> evsesOf(Collection<UUID> chargePoints) {
        Map<UUID, List<Evse>> result = grouped(chargePoints);
        if (!chargePoints.isEmpty()) {
            jdbc.sql("select id, charge_point_id, evse_id, ocpp_number, current_type, max_power_kw, status from evse "
                            + "where charge_point_id = any(?) order by ocpp_number")
                    .param(chargePoints.toArray(UUID[]::new))
                    .query((rs, row) -> new Evse(rs.getObject("id", UUID.class), rs.getObject("charge_point_id", UUID.class),
                            rs.getString("evse_id"), rs.getInt("ocpp_number"), AssetTypes.CurrentType.valueOf(rs.getString("current_type")),
                            rs.getBigDecimal("max_power_kw"), AssetTypes.EvseStatus.valueOf(rs.getString("status"))))
                    .list()
                    .forEach(evse -> result.get(evse.chargePointId()).add(evse));
        }
        return result;
    }

    public Optional<Connector> findConnector(UUID id) {
        return jdbc.sql("select id, evse_id, standard, format, power_type, max_voltage, max_amperage, position from connector where id = ?")
                .param(id).query(ChargePointRows::connector).optional();
    }

    public Map<UUID, List<Connector>> connectorsOf(Collection<UUID> evses) {
        Map<UUID, List<Connector>> result = grouped(evses);
        if (!evses.isEmpty()) {
            jdbc.sql("select id, evse_id, standard, format, power_type, max_voltage, max_amperage, position from connector "
                            + "where evse_id = any(?) order by position")
                    .param(evses.toArray(UUID[]::new))
                    .query(ChargePointRows::connector)
                    .list()
                    .forEach(connector -> result.get(connector.evseId()).add(connector));
        }
        return result;
    }

    private static <T> Map<UUID, List<T>> grouped(Collection<UUID> keys) {
        Map<UUID, List<T>> result = new LinkedHashMap<>();
        keys.forEach(key -> result.put(key, new ArrayList<>()));
        return result;
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }

    static Connector connector(ResultSet rs, int row) throws SQLException {
        return new Connector(rs.getObject("id", UUID.class), rs.getObject("evse_id", UUID.class),
                AssetTypes.ConnectorStandard.valueOf(rs.getString("standard")), AssetTypes.ConnectorFormat.valueOf(rs.getString("format")),
                AssetTypes.PowerType.valueOf(rs.getString("power_type")), rs.getInt("max_voltage"), rs.getInt("max_amperage"),
                rs.getInt("position"));
    }

    static ChargePoint chargePoint(ResultSet rs, int row) throws SQLException {
        return new ChargePoint(
                rs.getObject("id", UUID.class),
                rs.getObject("location_id", UUID.class),
                rs.getString("ocpp_identity"),
                rs.getString("vendor"),
                rs.getString("model"),
                rs.getString("serial_number"),
                AssetTypes.ChargePointStatus.valueOf(rs.getString("status")),
                rs.getObject("zone_id", UUID.class),
                rs.getBoolean("has_secret"),
                rs.getTimestamp("created_at").toInstant());
    }
}
