package io.chargebase.domain.tariffs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.tariffs.StoredTariff;
import io.chargebase.domain.tariffs.TariffAudience;
import io.chargebase.domain.tariffs.TariffKind;
import io.chargebase.tenancy.TenantContext;

@Repository
public class TariffRows {

    private static final String COLUMNS = "id, name, kind, currency, current_version, is_base, for_owner_users, for_roaming_users, "
            + "for_ad_hoc_users, partner_group_ids, user_group_ids, created_at, updated_at";

    /** A version as stored: JSON stays JSON here, the service turns it into the model. */
    public record VersionRow(UUID tariffId, int version, String definition, String ocpi, String description, String information,
            String learnMoreUrl, Integer maxMinutes, java.math.BigDecimal maxKwh, String createdBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    TariffRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StoredTariff insert(UUID id, String name, TariffKind kind, Currency currency, boolean base, TariffAudience audience) {
        return jdbc.sql("insert into tariff (tenant_id, id, name, kind, currency, is_base, for_owner_users, for_roaming_users, "
                        + "for_ad_hoc_users, partner_group_ids, user_group_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(TenantContext.requireTenant().value(), id, name, kind.name(), currency.getCurrencyCode(), base,
                        audience.ownerUsers(), audience.roamingUsers(), audience.adHocUsers(),
                        audience.partnerGroupIds().toArray(UUID[]::new), audience.userGroupIds().toArray(UUID[]::new))
                .query(TariffRows::tariff)
                .single();
    }

    public void insertVersion(VersionRow row) {
        jdbc.sql("insert into tariff_version (tenant_id, tariff_id, version, definition, ocpi, description, information, learn_more_url, "
                        + "max_minutes, max_kwh, created_by) values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), row.tariffId(), row.version(), row.definition(), row.ocpi(),
                        row.description(), row.information(), row.learnMoreUrl(), row.maxMinutes(), row.maxKwh(), row.createdBy())
                .update();
    }

    public StoredTariff update(UUID id, String name, TariffKind kind, int currentVersion, TariffAudience audience) {
        return jdbc.sql("update tariff set name = ?, kind = ?, current_version = ?, for_owner_users = ?, for_roaming_users = ?, "
                        + "for_ad_hoc_users = ?, partner_group_ids = ?, user_group_ids = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(name, kind.name(), currentVersion, audience.ownerUsers(), audience.roamingUsers(), audience.adHocUsers(),
                        audience.partnerGroupIds().toArray(UUID[]::new), audience.userGroupIds().toArray(UUID[]::new), id)
                .query(TariffRows::tariff)
                .single();
    }

    public Optional<StoredTariff> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tariff where id = ?").param(id).query(TariffRows::tariff).optional();
    }

    /** Locks the tariff row, so that two edits write consecutive versions. */
    public Optional<StoredTariff> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tariff where id = ? for update").param(id).query(TariffRows::tariff).optional();
    }

    public List<StoredTariff> findAll(Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from tariff where id = any(?)").param(ids.toArray(UUID[]::new)).query(TariffRows::tariff).list();
    }

    public List<StoredTariff> list() {
        return jdbc.sql("select " + COLUMNS + " from tariff order by lower(name), id").query(TariffRows::tariff).list();
    }

    public Optional<VersionRow> version(UUID tariffId, int version) {
        return jdbc.sql("select * from tariff_version where tariff_id = ? and version = ?").params(tariffId, version)
                .query(TariffRows::version).optional();
    }

    /** The versions named by pairs of tariff ids and version numbers, position by position. */
    public List<VersionRow> versions(UUID[] tariffIds, Integer[] versions) {
        return jdbc.sql("select v.* from tariff_version v join unnest(?::uuid[], ?::int[]) as wanted(tariff_id, version) "
                        + "on v.tariff_id = wanted.tariff_id and v.version = wanted.version")
                .params(tariffIds, versions).query(TariffRows::version).list();
    }

    /** Every version of these tariffs, oldest first within each. */
    public List<VersionRow> versionsOf(Collection<UUID> tariffIds) {
        return jdbc.sql("select * from tariff_version where tariff_id = any(?) order by tariff_id, version")
                .param(tariffIds.toArray(UUID[]::new)).query(TariffRows::version).list();
    }

    public List<VersionRow> versions(UUID tariffId) {
        return jdbc.sql("select * from tariff_version where tariff_id = ? order by version").param(tariffId).query(TariffRows::version).list();
    }

    /** The version in force at a moment: the newest written by then, or the first when the tariff is younger. */
    public Optional<VersionRow> versionAt(UUID tariffId, Instant at) {
        return jdbc.sql("""
                        select * from tariff_version where tariff_id = ?
                        order by (created_at <= ?) desc, case when created_at <= ? then -version else version end
                        limit 1""")
                .params(tariffId, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .query(TariffRows::version).optional();
    }

    /** Where a tariff is used in tariffs: group entries, plan rules and defaults; empty when nowhere. */
    public List<String> usages(UUID id) {
        return jdbc.sql("""
                        select 'tariff group ' || g.name from tariff_group_entry e join tariff_group g on g.id = e.group_id where e.tariff_id = ?
                        union all select 'tariff plan ' || p.name from tariff_plan p where p.default_tariff_id = ?
                        union all select 'tariff plan ' || p.name from tariff_plan_rule r join tariff_plan p on p.id = r.plan_id where r.tariff_id = ?""")
                .params(id, id, id).query(String.class).list().stream().distinct().toList();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from tariff where id = ?").param(id).update();
    }

    static StoredTariff tariff(ResultSet rs, int row) throws SQLException {
        return new StoredTariff(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                TariffKind.valueOf(rs.getString("kind")),
                Currency.getInstance(rs.getString("currency")),
                rs.getInt("current_version"),
                rs.getBoolean("is_base"),
                new TariffAudience(rs.getBoolean("for_owner_users"), rs.getBoolean("for_roaming_users"), rs.getBoolean("for_ad_hoc_users"),
                        uuids(rs.getArray("partner_group_ids")), uuids(rs.getArray("user_group_ids"))),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static VersionRow version(ResultSet rs, int row) throws SQLException {
        return new VersionRow(
                rs.getObject("tariff_id", UUID.class),
                rs.getInt("version"),
                rs.getString("definition"),
                rs.getString("ocpi"),
                rs.getString("description"),
                rs.getString("information"),
                rs.getString("learn_more_url"),
                rs.getObject("max_minutes", Integer.class),
                rs.getBigDecimal("max_kwh"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
