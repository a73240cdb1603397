package io.chargebase.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The application's statements are planned once per connection, not at every execution (DatabaseConfiguration): its
 * connections run with generic plans, and a statement bound to a one-element array, which PostgreSQL would otherwise
 * keep planning afresh because a custom plan for one element always looks cheaper than a generic plan for ten, is
 * executed with its generic plan.
 */
class GenericPlansIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theApplicationsConnectionsPlanGenerically() {
        TestTenant tenant = aTenant();
        Map<String, String> settings = TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                () -> new TransactionTemplate(transactionManager).execute(status -> Map.of(
                        "plan_cache_mode", jdbc.sql("show plan_cache_mode").query(String.class).single(),
                        "jit", jdbc.sql("show jit").query(String.class).single())));
        assertThat(settings).containsEntry("plan_cache_mode", "force_generic_plan").containsEntry("jit", "off");
    }

    @Test
    void aStatementBoundToAnArrayIsExecutedWithItsGenericPlan() {
        TestTenant tenant = aTenant();
        String sql = "select id from charge_point where id = any(?) /* GenericPlansIT */";
        List<Long> plans = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> new TransactionTemplate(transactionManager).execute(status -> {
            // one connection for the whole transaction: the driver prepares the statement on the server after five
            // executions, and PostgreSQL's choice between plans shows in the prepared statement's counters
            for (int i = 0; i < 20; i++) {
                jdbc.sql(sql).param(new UUID[] {UUID.randomUUID()}).query(UUID.class).list();
            }
            return jdbc.sql("select generic_plans, custom_plans from pg_prepared_statements where statement like '%/* GenericPlansIT */'")
                    .query((rs, n) -> List.of(rs.getLong("generic_plans"), rs.getLong("custom_plans"))).single();
        }));
        assertThat(plans.get(0)).as("executions with the generic plan").isGreaterThanOrEqualTo(10);
        assertThat(plans.get(1)).as("custom plans made").isZero();
    }
}
