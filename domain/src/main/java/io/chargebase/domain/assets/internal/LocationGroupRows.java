package io.chargebase.domain.assets.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.LocationGroup;
import io.chargebase.tenancy.TenantContext;

@Repository
public class LocationGroupRows {

    private static final String COLUMNS = "id, name, is_default, countries, operator_ids, current_type, min_power_kw, max_power_kw, "
            + "location_ids, connector_ids";

    private final JdbcClient jdbc;

    LocationGroupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LocationGroup insert(UUID id, String name, boolean isDefault, List<String> countries, List<String> operators,
            AssetTypes.CurrentType currentType,
            BigDecimal min, BigDecimal max, List<UUID> locationIds, List<UUID> connectorIds) {
        return jdbc.sql("insert into location_group (tenant_id, id, name, is_default, countries, operator_ids, current_type, min_power_kw, "
                        + "max_power_kw, location_ids, connector_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(TenantContext.requireTenant().value(), id, name, isDefault,
                        countries == null ? null : countries.toArray(String[]::new), operators == null ? null : operators.toArray(String[]::new),
                        currentType == null ? null : currentType.name(),
                        min, max, locationIds == null ? null : locationIds.toArray(UUID[]::new),
                        connectorIds == null ? null : connectorIds.toArray(UUID[]::new))
                .query(LocationGroupRows::group)
                .single();
    }

    public boolean hasDefault() {
        return jdbc.sql("select exists (select 1 from location_group where is_default)").query(Boolean.class).single();
    }

    public Optional<LocationGroup> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from location_group where id = ?").param(id).query(LocationGroupRows::group).optional();
    }

    public List<LocationGroup> list() {
        return jdbc.sql("select " + COLUMNS + " from location_group order by is_default, lower(name)").query(LocationGroupRows::group).list();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from location_group where id = ?").param(id).update();
    }

    public long countConnectors(Collection<UUID> ids) {
        return jdbc.sql("select count(*) from connector where id = any(?)").param(ids.toArray(UUID[]::new)).query(Long.class).single();
    }

    /**
     * One statement for all groups with criteria or explicit members, one for the default group. Recomputations of
     * one tenant take turns (a transaction-scoped advisory lock), so concurrent registrations cannot both insert.
     */
    public void recomputeMemberships() {
        lockMemberships();
        jdbc.sql("delete from location_group_member").update();
        insertMemberships(null);
    }

    /** The memberships of a newly registered charge point's connectors, leaving every other connector's alone. */
    public void addMemberships(UUID chargePointId) {
        lockMemberships();
        insertMemberships(chargePointId);
    }

    private void lockMemberships() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('location_group_members:' || ?))").param(TenantContext.requireTenant().value().toString())
                .query((rs, row) -> 1).list();
    }

    private void insertMemberships(UUID chargePointId) {
        jdbc.sql("""
                insert into location_group_member (tenant_id, group_id, connector_id)
                select c.tenant_id, g.id, c.id
                from connector c
                join evse e on e.tenant_id = c.tenant_id and e.id = c.evse_id
                join charge_point cp on cp.tenant_id = e.tenant_id and cp.id = e.charge_point_id
                join location l on l.tenant_id = cp.tenant_id and l.id = cp.location_id
                join location_group g on g.tenant_id = c.tenant_id and not g.is_default
                where (cast(? as uuid) is null or cp.id = ?)
                  and (c.id = any(coalesce(g.connector_ids, '{}'))
                   or ((g.countries is not null or g.operator_ids is not null or g.current_type is not null or g.min_power_kw is not null
                        or g.max_power_kw is not null or g.location_ids is not null)
                       and (g.countries is null or l.country = any(g.countries))
                       and (g.operator_ids is null or l.operator_id = any(g.operator_ids))
                       and (g.current_type is null or e.current_type = g.current_type)
                       and (g.min_power_kw is null or e.max_power_kw >= g.min_power_kw)
                       and (g.max_power_kw is null or e.max_power_kw <= g.max_power_kw)
                       and (g.location_ids is null or l.id = any(g.location_ids))))""").params(chargePointId, chargePointId).update();
        jdbc.sql("""
                insert into location_group_member (tenant_id, group_id, connector_id)
                select c.tenant_id, g.id, c.id
                from connector c
                join evse e on e.tenant_id = c.tenant_id and e.id = c.evse_id
                join location_group g on g.tenant_id = c.tenant_id and g.is_default
                where (cast(? as uuid) is null or e.charge_point_id = ?)
                  and not exists (select 1 from location_group_member m where m.connector_id = c.id)""").params(chargePointId, chargePointId).update();
    }

    public Map<UUID, Long> memberCounts(Collection<UUID> groupIds) {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        groupIds.forEach(id -> counts.put(id, 0L));
        if (!groupIds.isEmpty()) {
            jdbc.sql("select group_id, count(*) as members from location_group_member where group_id = any(?) group by group_id")
                    .param(groupIds.toArray(UUID[]::new))
                    .query((rs, row) -> counts.put(rs.getObject("group_id", UUID.class), rs.getLong("members")))
                    .list();
        }
        return counts;
    }

    public Map<UUID, List<UUID>> groupsOfConnectors(Collection<UUID> connectorIds) {
        Map<UUID, List<UUID>> groups = new LinkedHashMap<>();
        connectorIds.forEach(id -> groups.put(id, new ArrayList<>()));
        if (!connectorIds.isEmpty()) {
            jdbc.sql("select connector_id, group_id from location_group_member where connector_id = any(?)")
                    .param(connectorIds.toArray(UUID[]::new))
                    .query((rs, row) -> groups.get(rs.getObject("connector_id", UUID.class)).add(rs.getObject("group_id", UUID.class)))
                    .list();
        }
        return groups;
    }

    static LocationGroup group(ResultSet rs, int row) throws SQLException {
        String current = rs.getString("current_type");
        return new LocationGroup(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getBoolean("is_default"),
                strings(rs.getArray("countries")),
                strings(rs.getArray("operator_ids")),
                current == null ? null : AssetTypes.CurrentType.valueOf(current),
                rs.getBigDecimal("min_power_kw"),
                rs.getBigDecimal("max_power_kw"),
                uuids(rs.getArray("location_ids")),
                uuids(rs.getArray("connector_ids")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((UUID[]) array.getArray());
    }
}
