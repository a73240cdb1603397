package io.chargebase.domain.assets.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.domain.SqlSearch;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargerSearch;
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

    /**
     * Locations in the area with at least one EVSE that meets the filter (as row-level security shows them to the caller),
     * nearest first near a point, by id in a box; {@code limit} rows after {@code after}. The latitude/longitude
     * box goes to the {@code location_position} index, on the double precision copies of the coordinates (row-level
     * security keeps the comparisons of numeric, which are not leakproof, out of any index); the exact great-circle
     * distance is computed for what is inside it.
     */
    public List<ChargerSearch.Found> find(ChargerSearch.Area area, ChargerSearch.Filter filter, ChargerSearch.After after, int limit) {
        List<Object> boxParams = new ArrayList<>();
        StringBuilder box = new StringBuilder("l.position_latitude between ? and ?");
        boxParams.add(area.south());
        boxParams.add(area.north());
        box.append(" and (");
        List<double[]> ranges = area.longitudes();
        for (int i = 0; i < ranges.size(); i++) {
            box.append(i == 0 ? "" : " or ").append("l.position_longitude between ? and ?");
            boxParams.add(ranges.get(i)[0]);
            boxParams.add(ranges.get(i)[1]);
        }
        box.append(")");
        List<Object> evseParams = new ArrayList<>();
        StringBuilder evse = new StringBuilder("select 1 from charge_point cp join evse e on e.charge_point_id = cp.id where cp.location_id = l.id");
        if (filter.currentType() != null) {
            evse.append(" and e.current_type = ?");
            evseParams.add(filter.currentType().name());
        }
        if (filter.minPowerKw() != null) {
            evse.append(" and e.max_power_kw >= ?");
            evseParams.add(filter.minPowerKw());
        }
        if (filter.availableNow()) {
            evse.append(" and e.status = 'AVAILABLE' and cp.managed_by_operator");
        }
        if (filter.standards() != null) {
            evse.append(" and exists (select 1 from connector c where c.evse_id = e.id and c.standard = any(?))");
            evseParams.add(filter.standards().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        // a scalar subquery with a limit is not turned into a join: it runs per location, through indexes, and with the
        // charge points' and EVSEs' row-level security it is the dear part of a search
        String withEvse = "coalesce((" + evse + " limit 1), 0) = 1";
        List<Object> params = new ArrayList<>();
        String sql;
        if (area instanceof ChargerSearch.Near near) {
            String distance = "2 * " + ChargerSearch.EARTH_RADIUS_KM + " * asin(least(1, sqrt(power(sin(radians(l.position_latitude - ?) / 2), 2)"
                    + " + cos(radians(?)) * cos(radians(l.position_latitude)) * power(sin(radians(l.position_longitude - ?) / 2), 2))))";
            params.addAll(List.of(near.latitude(), near.latitude(), near.longitude()));
            params.addAll(boxParams);
            StringBuilder within = new StringBuilder("c.distance_km <= ?");
            params.add(near.radiusKm());
            if (after != null) {
                within.append(" and (c.distance_km, c.id) > (?, ?)");
                params.add(after.distanceKm());
                params.add(after.id());
            }
            params.addAll(evseParams);
            params.add(limit);
            // the locations within the radius are sorted by distance behind a fence (offset 0), and the EVSE check runs on
            // them in that order until the page is full: for the nearest few, not for every location within the radius (the
            // box below likewise, by id)
            sql = "select " + prefixed() + ", l.distance_km from (select c.* from (select " + prefixed() + ", " + distance
                    + " as distance_km from location l where " + box + ") c where " + within + " order by c.distance_km, c.id offset 0) l"
                    + " where " + withEvse + " order by l.distance_km, l.id limit ?";
        } else {
            params.addAll(boxParams);
            String next = "";
            if (after != null) {
                next = " and l.id > ?";
                params.add(after.id());
            }
            params.addAll(evseParams);
            params.add(limit);
            sql = "select " + prefixed() + ", null::float8 as distance_km from (select " + prefixed() + " from location l where " + box + next
                    + " order by l.id offset 0) l where " + withEvse + " order by l.id limit ?";
        }
        return jdbc.sql(sql).params(params).query((rs, row) -> new ChargerSearch.Found(location(rs, row),
                rs.getObject("distance_km") == null ? null : rs.getDouble("distance_km"))).list();
    }

    private static String prefixed() {
        return java.util.Arrays.stream(COLUMNS.split(", ")).map(column -> "l." + column).collect(java.util.stream.Collectors.joining(", "));
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
