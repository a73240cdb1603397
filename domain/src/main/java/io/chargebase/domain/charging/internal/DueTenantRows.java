package io.chargebase.domain.charging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.tenancy.TenantId;

/**
 * The one question the charging sweep asks across tenants: which of them have anything due. It goes through the
 * platform function {@code platform_tenants_with_charging_due}, which answers tenant ids and nothing else.
 */
@Repository
public class DueTenantRows {

    private final JdbcClient jdbc;

    DueTenantRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenants with work due at {@code now}; the thresholds apply to tenants that saved no charging settings of their own. */
    public List<TenantId> dueAt(Instant now, Duration temporarilyUnavailableAfter, Duration longTermUnavailableAfter) {
        return jdbc.sql("select tenant_id from platform_tenants_with_charging_due(?, ?, ?)")
                .params(ChargerRows.time(now), (int) temporarilyUnavailableAfter.toSeconds(), (int) longTermUnavailableAfter.toSeconds())
                .query((rs, n) -> new TenantId(rs.getObject(1, java.util.UUID.class))).list();
    }
}
