package io.chargebase.domain.organisation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.organisation.Group;
import io.chargebase.tenancy.TenantContext;

@Repository
public class GroupRows {

    /** The two kinds of group share their shape; only tables and member columns differ. */
    public enum Kind {
        BUSINESS_PARTNER("business_partner_group", "business_partner_group_unit", "organisation_unit_id"),
        USER("user_group", "user_group_member", "profile_id");

        final String table;
        final String memberTable;
        final String memberColumn;

        Kind(String table, String memberTable, String memberColumn) {
            this.table = table;
            this.memberTable = memberTable;
            this.memberColumn = memberColumn;
        }
    }

    private final JdbcClient jdbc;

    GroupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Group insert(Kind kind, UUID id, String name, List<UUID> members) {
        jdbc.sql("insert into " + kind.table + " (tenant_id, id, name) values (?, ?, ?)").params(tenant(), id, name).update();
        insertMembers(kind, id, members);
        return find(kind, id).orElseThrow();
    }

    public Group replaceMembers(Kind kind, UUID id, List<UUID> members) {
        jdbc.sql("delete from " + kind.memberTable + " where group_id = ?").param(id).update();
        insertMembers(kind, id, members);
        return find(kind, id).orElseThrow();
    }

    public void delete(Kind kind, UUID id) {
        jdbc.sql("delete from " + kind.table + " where id = ?").param(id).update();
    }

    public Optional<Group> find(Kind kind, UUID id) {
        return list(kind, " where g.id = ?", id).stream().findFirst();
    }

    public List<Group> list(Kind kind) {
        return list(kind, "", null);
    }

    private List<Group> list(Kind kind, String where, UUID id) {
        String sql = "select g.id, g.name, coalesce(array_agg(m." + kind.memberColumn + ") filter (where m." + kind.memberColumn
                + " is not null), '{}') as members from " + kind.table + " g left join " + kind.memberTable
                + " m on m.tenant_id = g.tenant_id and m.group_id = g.id" + where + " group by g.id, g.name order by lower(g.name)";
        var statement = jdbc.sql(sql);
        if (id != null) {
            statement = statement.param(id);
        }
        return statement.query((rs, row) -> new Group(rs.getObject("id", UUID.class), rs.getString("name"),
                List.of((UUID[]) rs.getArray("members").getArray()))).list();
    }

    public Map<UUID, List<UUID>> businessPartnerGroupsOf(Collection<UUID> profileIds) {
        Map<UUID, List<UUID>> groups = new LinkedHashMap<>();
        profileIds.forEach(id -> groups.put(id, new ArrayList<>()));
        if (!profileIds.isEmpty()) {
            jdbc.sql("""
                    select distinct p.id as profile_id, gu.group_id
                    from profile p
                    join organisation_unit ou on ou.tenant_id = p.tenant_id and ou.id = p.organisation_unit_id
                    join business_partner_group_unit gu on gu.tenant_id = p.tenant_id
                         and ou.path like '%/' || gu.organisation_unit_id || '/%'
                    where p.id = any(?)""")
                    .param(profileIds.toArray(UUID[]::new))
                    .query((rs, row) -> groups.get(rs.getObject("profile_id", UUID.class)).add(rs.getObject("group_id", UUID.class)))
                    .list();
        }
        return groups;
    }

    public Map<UUID, Long> businessPartnerProfileCounts(Collection<UUID> groupIds) {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        groupIds.forEach(id -> counts.put(id, 0L));
        if (!groupIds.isEmpty()) {
            jdbc.sql("""
                    select gu.group_id, count(distinct p.id) as profiles
                    from business_partner_group_unit gu
                    join organisation_unit ou on ou.tenant_id = gu.tenant_id and ou.path like '%/' || gu.organisation_unit_id || '/%'
                    join profile p on p.tenant_id = ou.tenant_id and p.organisation_unit_id = ou.id
                    where gu.group_id = any(?)
                    group by gu.group_id""")
                    .param(groupIds.toArray(UUID[]::new))
                    .query((rs, row) -> counts.put(rs.getObject("group_id", UUID.class), rs.getLong("profiles")))
                    .list();
        }
        return counts;
    }

    private void insertMembers(Kind kind, UUID id, List<UUID> members) {
        for (UUID member : members) {
            jdbc.sql("insert into " + kind.memberTable + " (tenant_id, group_id, " + kind.memberColumn + ") values (?, ?, ?)")
                    .params(tenant(), id, member).update();
        }
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }
}
