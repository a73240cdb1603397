package io.chargebase.domain.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OuPath;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

@Repository
public class OrganisationUnitRows {

    private static final String COLUMNS = "id, parent_id, name, path, created_at, updated_at";

    private final JdbcClient jdbc;

    OrganisationUnitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises changes to the shape of one tenant's tree, so two concurrent moves cannot build a cycle. */
    public void lockTree(TenantId tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('ou-tree:' || ?, 0))")
                .param(tenant.toString())
                .query((rs, row) -> 1)
                .single();
    }

    public Optional<OrganisationUnit> root() {
        return jdbc.sql("select " + COLUMNS + " from organisation_unit where parent_id is null")
                .query(OrganisationUnitRows::unit)
                .optional();
    }

    public Optional<OrganisationUnit> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from organisation_unit where id = ?")
                .param(id)
                .query(OrganisationUnitRows::unit)
                .optional();
    }

    public Map<UUID, OrganisationUnit> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation_unit where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(OrganisationUnitRows::unit)
                .stream()
                .collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
    }

    public List<OrganisationUnit> subtree(OuPath path) {
        return jdbc.sql("select " + COLUMNS + " from organisation_unit where path like ? order by path")
                .param(path.subtreePattern())
                .query(OrganisationUnitRows::unit)
                .list();
    }

    public Map<UUID, List<OrganisationUnit>> childrenOf(Collection<UUID> parentIds) {
        Map<UUID, List<OrganisationUnit>> children = new LinkedHashMap<>();
        parentIds.forEach(id -> children.put(id, new java.util.ArrayList<>()));
        if (parentIds.isEmpty()) {
            return children;
        }
        jdbc.sql("select " + COLUMNS + " from organisation_unit where parent_id = any(?) order by lower(name), id")
                .param(parentIds.toArray(UUID[]::new))
                .query(OrganisationUnitRows::unit)
                .stream()
                .forEach(unit -> children.get(unit.parentId()).add(unit));
        return children;
    }

    /** The depth of the deepest unit in the subtree. */
    public int subtreeHeight(OuPath path) {
        return jdbc.sql("select max(length(path) - length(replace(path, '/', ''))) - 2 from organisation_unit where path like ?")
                .param(path.subtreePattern())
                .query(Integer.class)
                .single();
    }

    public OrganisationUnit insert(UUID id, UUID parentId, String name, OuPath path) {
        return jdbc.sql("insert into organisation_unit (tenant_id, id, parent_id, name, path) values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(tenant(), id, parentId, name, path.value())
                .query(OrganisationUnitRows::unit)
                .single();
    }

    public OrganisationUnit rename(UUID id, String name) {
        return jdbc.sql("update organisation_unit set name = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(name, id)
                .query(OrganisationUnitRows::unit)
                .single();
    }

    public OrganisationUnit moveSubtree(OrganisationUnit unit, UUID newParentId, OuPath newPath) {
        jdbc.sql("update organisation_unit set parent_id = ?, updated_at = now() where id = ?")
                .params(newParentId, unit.id())
                .update();
        jdbc.sql("update organisation_unit set path = ? || substr(path, ?) where path like ?")
                .params(newPath.value(), unit.path().value().length() + 1, unit.path().subtreePattern())
                .update();
        return find(unit.id()).orElseThrow();
    }

    public boolean hasChildren(UUID id) {
        return jdbc.sql("select exists (select 1 from organisation_unit where parent_id = ?)").param(id).query(Boolean.class).single();
    }

    public boolean hasMembers(UUID id) {
        return jdbc.sql("select exists (select 1 from profile where organisation_unit_id = ?)").param(id).query(Boolean.class).single();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from organisation_unit where id = ?").param(id).update();
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }

    static OrganisationUnit unit(ResultSet rs, int row) throws SQLException {
        return new OrganisationUnit(
                rs.getObject("id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getString("name"),
                new OuPath(rs.getString("path")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
