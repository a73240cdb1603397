package io.chargebase.domain.assets.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePointAccess;
import io.chargebase.tenancy.TenantContext;

@Repository
public class AccessRows {

    private final JdbcClient jdbc;

    AccessRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The access of each charge point, and whether {@code profileId} (null: nobody) is invited to its location. */
    public Map<UUID, ChargePointAccess> of(Collection<UUID> chargePointIds, UUID profileId) {
        Map<UUID, ChargePointAccess> found = new LinkedHashMap<>();
        if (chargePointIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select cp.id, cp.access, cp.public_notice, cp.managed_by_operator, cp.operator_notice, l.access as location_access,
                               l.public_notice as location_notice, coalesce(z.disabled, false) as zone_disabled,
                               exists (select 1 from private_access_grant g
                                       join user_group_member m on m.tenant_id = g.tenant_id and m.group_id = g.user_group_id
                                       where g.location_id = cp.location_id and m.profile_id = ?) as invited
                        from charge_point cp
                        join location l on l.id = cp.location_id
                        left join charging_zone z on z.id = cp.zone_id
                        where cp.id = any(?)""")
                .params(profileId, chargePointIds.toArray(UUID[]::new))
                .query((rs, row) -> new ChargePointAccess(rs.getObject("id", UUID.class), access(rs.getString("access")), rs.getString("public_notice"),
                        rs.getBoolean("managed_by_operator"), rs.getString("operator_notice"), access(rs.getString("location_access")),
                        rs.getString("location_notice"), rs.getBoolean("zone_disabled"), rs.getBoolean("invited")))
                .list()
                .forEach(access -> found.put(access.chargePointId(), access));
        return found;
    }

    public Map<UUID, String> locationNotices(Collection<UUID> locationIds) {
        Map<UUID, String> found = new LinkedHashMap<>();
        if (locationIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, public_notice from location where id = any(?) and public_notice is not null").param(locationIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("public_notice")))
                .list()
                .forEach(notice -> found.put(notice.getKey(), notice.getValue()));
        return found;
    }

    public boolean setLocationAccess(UUID locationId, AssetTypes.Access access, String publicNotice) {
        return jdbc.sql("update location set access = ?, public_notice = ?, updated_at = now() where id = ?")
                .params(access.name(), publicNotice, locationId).update() == 1;
    }

    public void replaceGrants(UUID locationId, Collection<UUID> userGroupIds) {
        jdbc.sql("delete from private_access_grant where location_id = ?").param(locationId).update();
        for (UUID group : userGroupIds) {
            jdbc.sql("insert into private_access_grant (tenant_id, location_id, user_group_id) values (?, ?, ?)")
                    .params(tenant(), locationId, group).update();
        }
    }

    public Map<UUID, List<UUID>> grants(Collection<UUID> locationIds) {
        Map<UUID, List<UUID>> byLocation = new LinkedHashMap<>();
        if (locationIds.isEmpty()) {
            return byLocation;
        }
        jdbc.sql("select location_id, user_group_id from private_access_grant where location_id = any(?) order by location_id, user_group_id")
                .param(locationIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("location_id", UUID.class), rs.getObject("user_group_id", UUID.class)))
                .list()
                .forEach(grant -> byLocation.computeIfAbsent(grant.getKey(), key -> new java.util.ArrayList<>()).add(grant.getValue()));
        return byLocation;
    }

    public int existingUserGroups(Collection<UUID> ids) {
        return jdbc.sql("select count(*) from user_group where id = any(?)").param(ids.toArray(UUID[]::new)).query(Integer.class).single();
    }

    public boolean setChargePointAccess(UUID chargePointId, AssetTypes.Access access, String publicNotice, boolean managed, String operatorNotice) {
        return jdbc.sql("update charge_point set access = ?, public_notice = ?, managed_by_operator = ?, operator_notice = ?, updated_at = now() "
                        + "where id = ?")
                .params(access == null ? null : access.name(), publicNotice, managed, operatorNotice, chargePointId).update() == 1;
    }

    public boolean setZoneDisabled(UUID zoneId, boolean disabled) {
        return jdbc.sql("update charging_zone set disabled = ? where id = ?").params(disabled, zoneId).update() == 1;
    }

    public Map<UUID, Boolean> zonesDisabled(Collection<UUID> zoneIds) {
        Map<UUID, Boolean> found = new LinkedHashMap<>();
        if (zoneIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, disabled from charging_zone where id = any(?)").param(zoneIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getBoolean("disabled")))
                .list()
                .forEach(zone -> found.put(zone.getKey(), zone.getValue()));
        return found;
    }

    private static AssetTypes.Access access(String value) {
        return value == null ? null : AssetTypes.Access.valueOf(value);
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }
}
