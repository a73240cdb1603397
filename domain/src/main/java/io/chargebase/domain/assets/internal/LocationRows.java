package io.chargebase.domain.assets.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.domain.SqlSearch;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.Page;
import io.chargebase.tenancy.TenantContext;

@Repository
public class LocationRows {

    private static final String COLUMNS = "id, name, street, postal_code, city, country, latitude, longitude, time_zone, access, "
            + "opening_hours, operator_id, created_at, updated_at";

    private final JdbcClient jdbc;

    LocationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Location insert(UUID id, String name, String street, String postalCode, String city, String country, BigDecimal latitude,
            BigDecimal longitude, ZoneId zone, AssetTypes.Access access, String hours, String operator) {
        return jdbc.sql("insert into location (tenant_id, id, name, street, postal_code, city, country, latitude, longitude, time_zone, "
                        + "access, opening_hours, operator_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(TenantContext.requireTenant().value(), id, name, street, postalCode, city, country, latitude, longitude,
                        zone.getId(), access.name(), hours, operator)
                .query(LocationRows::location)
                .single();
    }

    public Location update(UUID id, String name, String street, String postalCode, String city, String country, BigDecimal latitude,
            BigDecimal longitude, ZoneId zone, AssetTypes.Access access, String hours, String operator) {
        return jdbc.sql("update location set name = ?, street = ?, postal_code = ?, city = ?, country = ?, latitude = ?, longitude = ?, "
                        + "time_zone = ?, access = ?, opening_hours = ?, operator_id = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(name, street, postalCode, city, country, latitude, longitude, zone.getId(), access.name(), hours, operator, id)
                .query(LocationRows::location)
                .single();
    }

    public boolean hasChargePoints(UUID id) {
        return jdbc.sql("select exists (select 1 from charge_point where location_id = ?)").param(id).query(Boolean.class).single();
    }

    /** Deletes the location and its zones; location groups naming it keep the id, which then matches nothing. */
    public void delete(UUID id) {
        jdbc.sql("delete from location where id = ?").param(id).update();
    }

    /** Sets the organisation unit that owns a location (null: none); false when there is no such location. */
    public boolean setOwner(UUID id, UUID unitId) {
        return jdbc.sql("update location set owner_unit_id = ?, updated_at = now() where id = ?").params(unitId, id).update() == 1;
    }

    public java.util.Map<UUID, UUID> owners(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, UUID> owners = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, owner_unit_id from location where id = any(?) and owner_unit_id is not null").param(ids.toArray(UUID[]::new))
                .query((rs, row) -> owners.put(rs.getObject("id", UUID.class), rs.getObject("owner_unit_id", UUID.class))).list();
        return owners;
    }

    public Optional<Location> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from location where id = ?").param(id).query(LocationRows::location).optional();
    }

    public Map<UUID, Location> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from location where id = any(?)").param(ids.toArray(UUID[]::new))
                .query(LocationRows::location).stream().collect(Collectors.toMap(Location::id, Function.identity()));
    }

    public Page<Location> search(String text, UUID afterId, int limit) {
        return SqlSearch.from("location", COLUMNS).containing(text, "name", "city", "street").page(jdbc, afterId, limit, LocationRows::location);
    }

    static Location location(ResultSet rs, int row) throws SQLException {
        return new Location(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("street"),
                rs.getString("postal_code"),
                rs.getString("city"),
                rs.getString("country"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                ZoneId.of(rs.getString("time_zone")),
                AssetTypes.Access.valueOf(rs.getString("access")),
                rs.getString("opening_hours"),
                rs.getString("operator_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
