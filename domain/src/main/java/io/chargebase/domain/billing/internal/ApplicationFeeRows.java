package io.chargebase.domain.billing.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.ApplicationFee;
import io.chargebase.tenancy.TenantContext;

/** The current tenant's application fee, as the platform operator set it. */
@Repository
public class ApplicationFeeRows {

    private final JdbcClient jdbc;

    ApplicationFeeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApplicationFee> current() {
        return jdbc.sql("select percent, fixed_amount from application_fee")
                .query((rs, n) -> new ApplicationFee(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional();
    }

    public void save(ApplicationFee fee) {
        jdbc.sql("""
                        insert into application_fee (tenant_id, percent, fixed_amount) values (?, ?, ?)
                        on conflict (tenant_id) do update set percent = excluded.percent, fixed_amount = excluded.fixed_amount, updated_at = now()""")
                .params(TenantContext.requireTenant().value(), fee.percent(), fee.fixedAmount()).update();
    }
}
