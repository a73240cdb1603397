package io.chargebase.domain.vat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.vat.VatRate;
import io.chargebase.domain.vat.VatSettings;
import io.chargebase.tenancy.TenantContext;

/** The VAT table and the VAT settings of the current tenant. */
@Repository
public class VatRows {

    private static final String COLUMNS = "id, name, percent, valid_from, valid_until";

    private final JdbcClient jdbc;

    VatRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises changes of the tenant's VAT table, so that two overlapping rates cannot both pass the check. */
    public void lockTable() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('vat_rate:' || ?, 0))").param(TenantContext.requireTenant().value().toString())
                .query((rs, n) -> 0).list();
    }

    public List<VatRate> list() {
        return jdbc.sql("select " + COLUMNS + " from vat_rate order by lower(name), valid_from").query(VatRows::rate).list();
    }

    public List<VatRate> named(String name) {
        return jdbc.sql("select " + COLUMNS + " from vat_rate where lower(name) = lower(?) order by valid_from").param(name)
                .query(VatRows::rate).list();
    }

    public Optional<VatRate> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from vat_rate where id = ?").param(id).query(VatRows::rate).optional();
    }

    public void insert(VatRate rate) {
        jdbc.sql("insert into vat_rate (tenant_id, id, name, percent, valid_from, valid_until) values (?, ?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), rate.id(), rate.name(), rate.percent(), rate.validFrom(), rate.validUntil())
                .update();
    }

    public void update(VatRate rate) {
        jdbc.sql("update vat_rate set name = ?, percent = ?, valid_from = ?, valid_until = ? where id = ?")
                .params(rate.name(), rate.percent(), rate.validFrom(), rate.validUntil(), rate.id()).update();
    }

    public int delete(UUID id) {
        return jdbc.sql("delete from vat_rate where id = ?").param(id).update();
    }

    public Optional<VatSettings> settings() {
        return jdbc.sql("select base_vat_name, prices_include_vat from vat_settings")
                .query((rs, n) -> new VatSettings(rs.getString(1), rs.getBoolean(2))).optional();
    }

    public void saveSettings(VatSettings settings) {
        jdbc.sql("""
                        insert into vat_settings (tenant_id, base_vat_name, prices_include_vat) values (?, ?, ?)
                        on conflict (tenant_id) do update set base_vat_name = excluded.base_vat_name,
                            prices_include_vat = excluded.prices_include_vat, updated_at = now()""")
                .params(TenantContext.requireTenant().value(), settings.baseVatName(), settings.pricesIncludeVat()).update();
    }

    /** 21.0000 as 21, as the operator wrote it. */
    private static java.math.BigDecimal plain(java.math.BigDecimal percent) {
        java.math.BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static VatRate rate(ResultSet rs, int row) throws SQLException {
        return new VatRate(rs.getObject("id", UUID.class), rs.getString("name"), plain(rs.getBigDecimal("percent")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));
    }
}
