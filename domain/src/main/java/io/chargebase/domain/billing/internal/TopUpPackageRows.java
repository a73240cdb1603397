package io.chargebase.domain.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.AutoTopUp;
import io.chargebase.domain.billing.TopUpPackage;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;

/** Top-up package versions and drivers' auto top-up settings. */
@Repository
public class TopUpPackageRows {

    private static final String COLUMNS = "id, package_key, version, currency, price, bonus, enabled, position, created_at, retired_at, deleted";

    private final JdbcClient jdbc;

    TopUpPackageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TopUpPackage version) {
        jdbc.sql("""
                        insert into top_up_package (tenant_id, id, package_key, version, currency, price, bonus, enabled, position)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant(), version.id(), version.packageKey(), version.version(), version.price().currency().getCurrencyCode(),
                        version.price().amount(), version.bonus().amount(), version.enabled(), version.position())
                .update();
    }

    public Optional<TopUpPackage> find(UUID id) {
        return jdbc.sql("select %s from top_up_package where id = ?".formatted(COLUMNS)).param(id).query(TopUpPackageRows::version).optional();
    }

    /** The current versions, in the tenant's order. */
    public List<TopUpPackage> current() {
        return jdbc.sql("select %s from top_up_package where retired_at is null order by position, created_at, id".formatted(COLUMNS))
                .query(TopUpPackageRows::version).list();
    }

    public void update(UUID id, Money price, Money bonus, boolean enabled) {
        jdbc.sql("update top_up_package set price = ?, bonus = ?, enabled = ? where id = ? and retired_at is null")
                .params(price.amount(), bonus.amount(), enabled, id).update();
    }

    public void retire(UUID id, boolean deleted) {
        jdbc.sql("update top_up_package set retired_at = now(), deleted = ? where id = ? and retired_at is null").params(deleted, id).update();
    }

    public void retireAll(UUID packageKey) {
        jdbc.sql("update top_up_package set retired_at = coalesce(retired_at, now()), deleted = true where package_key = ?").param(packageKey).update();
    }

    public void position(UUID id, int position) {
        jdbc.sql("update top_up_package set position = ? where id = ?").params(position, id).update();
    }

    public boolean usedForAutoTopUp(UUID id) {
        return jdbc.sql("select exists (select 1 from auto_top_up where package_id = ?)").param(id).query(Boolean.class).single();
    }

    /** Turns off the enabled auto top-ups using any version of the package; answers how many. */
    public int disableAutoTopUps(UUID packageKey, String reason) {
        return jdbc.sql("""
                        update auto_top_up set enabled = false, disabled_reason = ?, updated_at = now()
                        where enabled and package_id in (select id from top_up_package where package_key = ?)""")
                .params(reason, packageKey).update();
    }

    /** Turns the driver's auto top-up off, for {@code reason}; false when it was not on. */
    public boolean disableAutoTopUp(UUID profileId, String reason) {
        return jdbc.sql("update auto_top_up set enabled = false, disabled_reason = ?, updated_at = now() where profile_id = ? and enabled")
                .params(reason, profileId).update() == 1;
    }

    public Optional<AutoTopUp> autoTopUp(UUID profileId) {
        return jdbc.sql("select profile_id, package_id, currency, threshold, enabled, disabled_reason from auto_top_up where profile_id = ?")
                .param(profileId)
                .query((rs, n) -> new AutoTopUp(rs.getObject("profile_id", UUID.class), rs.getObject("package_id", UUID.class),
                        new Money(rs.getBigDecimal("threshold"), Currency.getInstance(rs.getString("currency"))).rounded(), rs.getBoolean("enabled"),
                        rs.getString("disabled_reason")))
                .optional();
    }

    public void saveAutoTopUp(AutoTopUp setting) {
        jdbc.sql("""
                        insert into auto_top_up (tenant_id, profile_id, package_id, currency, threshold, enabled, disabled_reason)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, profile_id) do update set package_id = excluded.package_id, currency = excluded.currency,
                            threshold = excluded.threshold, enabled = excluded.enabled, disabled_reason = excluded.disabled_reason, updated_at = now()""")
                .params(tenant(), setting.profileId(), setting.packageId(), setting.threshold().currency().getCurrencyCode(),
                        setting.threshold().amount(), setting.enabled(), setting.disabledReason())
                .update();
    }

    private static TopUpPackage version(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        var retired = rs.getTimestamp("retired_at");
        return new TopUpPackage(rs.getObject("id", UUID.class), rs.getObject("package_key", UUID.class), rs.getInt("version"),
                new Money(rs.getBigDecimal("price"), currency).rounded(), new Money(rs.getBigDecimal("bonus"), currency).rounded(),
                rs.getBoolean("enabled"), rs.getInt("position"), rs.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant(), rs.getBoolean("deleted"));
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }
}
