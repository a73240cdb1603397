package io.chargebase.domain.tariffs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.tariffs.TariffGroup;
import io.chargebase.tenancy.TenantContext;

@Repository
public class TariffGroupRows {

    private final JdbcClient jdbc;

    TariffGroupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String name, UUID baseTariffId) {
        UUID tenant = TenantContext.requireTenant().value();
        jdbc.sql("insert into tariff_group (tenant_id, id, name, base_tariff_id) values (?, ?, ?, ?)").params(tenant, id, name, baseTariffId).update();
        jdbc.sql("insert into tariff_group_entry (tenant_id, group_id, tariff_id, position) values (?, ?, ?, 0)").params(tenant, id, baseTariffId).update();
    }

    public void rename(UUID id, String name) {
        jdbc.sql("update tariff_group set name = ? where id = ?").params(name, id).update();
    }

    /** Locks the group, so that concurrent edits of its order do not interleave. */
    public Optional<TariffGroup> lock(UUID id) {
        return jdbc.sql("select id from tariff_group where id = ? for update").param(id).query(UUID.class).optional().flatMap(this::find);
    }

    public Optional<TariffGroup> find(UUID id) {
        List<TariffGroup> found = load("where g.id = ?", id);
        return found.stream().findFirst();
    }

    public List<TariffGroup> list() {
        return load("");
    }

    /** Replaces the order of a group's tariffs: the list is complete, base first. */
    public void setEntries(UUID groupId, List<UUID> tariffIds) {
        UUID tenant = TenantContext.requireTenant().value();
        jdbc.sql("delete from tariff_group_entry where group_id = ?").param(groupId).update();
        for (int position = 0; position < tariffIds.size(); position++) {
            jdbc.sql("insert into tariff_group_entry (tenant_id, group_id, tariff_id, position) values (?, ?, ?, ?)")
                    .params(tenant, groupId, tariffIds.get(position), position).update();
        }
    }

    public long evseCount(UUID groupId) {
        return jdbc.sql("select count(*) from evse where tariff_group_id = ?").param(groupId).query(Long.class).single();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from tariff_group where id = ?").param(id).update();
    }

    public boolean assignToEvse(UUID evseId, UUID groupId) {
        return jdbc.sql("update evse set tariff_group_id = ? where id = ?").params(groupId, evseId).update() == 1;
    }

    public Map<UUID, UUID> groupsOfEvses(java.util.Collection<UUID> evseIds) {
        Map<UUID, UUID> groups = new LinkedHashMap<>();
        jdbc.sql("select id, tariff_group_id from evse where id = any(?) and tariff_group_id is not null")
                .param(evseIds.toArray(UUID[]::new))
                .query((rs, row) -> groups.put(rs.getObject("id", UUID.class), rs.getObject("tariff_group_id", UUID.class)))
                .list();
        return groups;
    }

    public Optional<UUID> groupOfEvse(UUID evseId) {
        return jdbc.sql("select tariff_group_id from evse where id = ? and tariff_group_id is not null").param(evseId).query(UUID.class).optional();
    }

    private List<TariffGroup> load(String where, Object... params) {
        Map<UUID, String[]> heads = new LinkedHashMap<>();
        Map<UUID, List<UUID>> entries = new LinkedHashMap<>();
        jdbc.sql("select g.id, g.name, g.base_tariff_id, e.tariff_id from tariff_group g "
                        + "join tariff_group_entry e on e.group_id = g.id " + where + " order by lower(g.name), g.id, e.position")
                .params(params)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    heads.putIfAbsent(id, new String[] {rs.getString("name"), rs.getString("base_tariff_id")});
                    entries.computeIfAbsent(id, key -> new ArrayList<>()).add(rs.getObject("tariff_id", UUID.class));
                    return id;
                })
                .list();
        List<TariffGroup> groups = new ArrayList<>();
        heads.forEach((id, head) -> groups.add(new TariffGroup(id, head[0], UUID.fromString(head[1]), List.copyOf(entries.get(id)))));
        return groups;
    }
}
