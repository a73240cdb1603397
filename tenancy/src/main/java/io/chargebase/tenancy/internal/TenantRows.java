package io.chargebase.tenancy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantStatus;

/** SQL for the tenants table. Row-level security decides what each statement may see. */
public class TenantRows {

    private static final String COLUMNS = "id, slug, name, status, suspended_reason, currency, time_zone, created_at, updated_at, "
            + "brand_display_name, brand_logo_url, brand_primary_color, brand_accent_color, support_email, support_phone, terms_url, privacy_url, terms_version";

    private final JdbcClient jdbc;

    public TenantRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tenant insert(TenantId id, String slug, String name, Currency currency, ZoneId zone) {
        return jdbc.sql("insert into tenant (id, slug, name, currency, time_zone) values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(id.value(), slug, name, currency.getCurrencyCode(), zone.getId())
                .query(TenantRows::tenant)
                .single();
    }

    public List<Tenant> list(String afterSlug, int limit) {
        return jdbc.sql("select " + COLUMNS + " from tenant where slug > ? order by slug limit ?")
                .params(afterSlug == null ? "" : afterSlug, limit)
                .query(TenantRows::tenant)
                .list();
    }

    public Optional<Tenant> get(TenantId id) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = ?")
                .param(id.value())
                .query(TenantRows::tenant)
                .optional();
    }

    public Optional<Tenant> setStatus(TenantId id, TenantStatus status, String reason) {
        return jdbc.sql("update tenant set status = ?, suspended_reason = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(status.name(), reason, id.value())
                .query(TenantRows::tenant)
                .optional();
    }

    public Optional<Tenant> setBranding(TenantId id, Branding b) {
        return jdbc.sql("update tenant set brand_display_name = ?, brand_logo_url = ?, brand_primary_color = ?, brand_accent_color = ?, "
                        + "support_email = ?, support_phone = ?, terms_url = ?, privacy_url = ?, terms_version = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(b.displayName(), b.logoUrl(), b.primaryColor(), b.accentColor(), b.supportEmail(), b.supportPhone(),
                        b.termsUrl(), b.privacyUrl(), b.termsVersion(), id.value())
                .query(TenantRows::tenant)
                .optional();
    }

    /** The public face of an active tenant, whatever scope asks. */
    public Optional<Tenant> publicProfile(String slug) {
        return jdbc.sql("select " + COLUMNS + " from platform_tenant_branding(?)").param(slug).query(TenantRows::tenant).optional();
    }

    public Optional<TenantRef> findByHost(String host) {
        return jdbc.sql("select id, slug, status from platform_tenant_by_host(?)")
                .param(host)
                .query(TenantRows::ref)
                .optional();
    }

    public void addDomain(TenantId id, String host) {
        jdbc.sql("insert into tenant_domain (tenant_id, host) values (?, ?)").params(id.value(), host).update();
    }

    public boolean removeDomain(TenantId id, String host) {
        return jdbc.sql("delete from tenant_domain where tenant_id = ? and host = ?").params(id.value(), host).update() > 0;
    }

    public java.util.Map<TenantId, List<String>> domainsOf(java.util.Collection<TenantId> ids) {
        java.util.Map<TenantId, List<String>> domains = new java.util.LinkedHashMap<>();
        ids.forEach(id -> domains.put(id, new java.util.ArrayList<>()));
        if (!ids.isEmpty()) {
            jdbc.sql("select tenant_id, host from tenant_domain where tenant_id = any(?) order by host")
                    .param(ids.stream().map(TenantId::value).toArray(UUID[]::new))
                    .query((rs, row) -> {
                        domains.get(new TenantId(rs.getObject("tenant_id", UUID.class))).add(rs.getString("host"));
                        return null;
                    })
                    .list();
        }
        return domains;
    }

    public Optional<TenantRef> findBySlug(String slug) {
        return jdbc.sql("select id, slug, status from platform_tenant_by_slug(?)")
                .param(slug)
                .query(TenantRows::ref)
                .optional();
    }

    public Optional<TenantRef> findById(TenantId id) {
        return jdbc.sql("select id, slug, status from platform_tenant_by_id(?)")
                .param(id.value())
                .query(TenantRows::ref)
                .optional();
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        return new Tenant(
                new TenantId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("name"),
                TenantStatus.valueOf(rs.getString("status")),
                rs.getString("suspended_reason"),
                Currency.getInstance(rs.getString("currency")),
                ZoneId.of(rs.getString("time_zone")),
                new Branding(rs.getString("brand_display_name"), rs.getString("brand_logo_url"), rs.getString("brand_primary_color"),
                        rs.getString("brand_accent_color"), rs.getString("support_email"), rs.getString("support_phone"),
                        rs.getString("terms_url"), rs.getString("privacy_url"), rs.getString("terms_version")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static TenantRef ref(ResultSet rs, int row) throws SQLException {
        return new TenantRef(new TenantId(rs.getObject("id", UUID.class)), rs.getString("slug"),
                TenantStatus.valueOf(rs.getString("status")));
    }
}
