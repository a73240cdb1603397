package io.chargebase.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.TestDatabase;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Reads PostgreSQL's catalogue: every table with a tenant_id column is isolated by row-level security, and the
 * role the application works as can get around none of it. A future table that forgets RLS fails the build here.
 */
class TenancyCatalogueIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DatabaseProperties properties;

    @Test
    void everyTenantOwnedTableHasForcedRowLevelSecurityAndAPolicyOnTheTenant() throws SQLException {
        List<String> tables = tenantTables();
        assertThat(tables).contains("organisation_unit", "profile", "oauth2_registered_client", "oauth2_authorization", "signing_key");
        try (Connection owner = ownerConnection()) {
            for (String table : tables) {
                ResultSet rls = owner.createStatement().executeQuery(
                        "select relrowsecurity, relforcerowsecurity from pg_class where oid = 'public." + table + "'::regclass");
                rls.next();
                assertThat(rls.getBoolean(1)).as(table + " has row-level security enabled").isTrue();
                assertThat(rls.getBoolean(2)).as(table + " forces row-level security on its owner").isTrue();
                ResultSet policies = owner.createStatement().executeQuery(
                        "select qual from pg_policies where schemaname = 'public' and tablename = '" + table + "'");
                List<String> quals = new ArrayList<>();
                while (policies.next()) {
                    quals.add(policies.getString(1));
                }
                assertThat(quals).as(table + " has a policy comparing tenant_id with app.tenant_id")
                        .anyMatch(qual -> qual.contains("tenant_id") && qual.contains("app.tenant_id"));
            }
        }
    }

    @Test
    void theApplicationRoleCannotBypassSecurityAndOwnsNothing() throws SQLException {
        try (Connection owner = ownerConnection()) {
            ResultSet role = owner.createStatement().executeQuery(
                    "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = '" + properties.appRole() + "'");
            assertThat(role.next()).as("the application role exists").isTrue();
            for (int column = 1; column <= 4; column++) {
                assertThat(role.getBoolean(column)).as(role.getMetaData().getColumnName(column)).isFalse();
            }
            ResultSet owned = owner.createStatement().executeQuery(
                    "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = '" + properties.appRole() + "'");
            owned.next();
            assertThat(owned.getInt(1)).as("relations owned by the application role").isZero();
        }
        String current = jdbc.sql("select current_user").query(String.class).single();
        assertThat(current).as("the pool works as the application role").isEqualTo(properties.appRole());
    }

    @Test
    void withoutATenantEveryTenantTableReadsEmptyAndATenantSeesOnlyItsOwnRows() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        for (String table : tenantTables()) {
            long nobody = TenantContext.callAs(TenantScope.NOBODY, () -> transactions.execute(status ->
                    jdbc.sql("select count(*) from " + table).query(Long.class).single()));
            assertThat(nobody).as(table + " read by nobody").isZero();
            long foreign = TenantContext.callAs(TenantScope.of(one.tenant().id()), () -> transactions.execute(status ->
                    jdbc.sql("select count(*) from " + table + " where tenant_id is distinct from ?")
                            .param(one.tenant().id().value()).query(Long.class).single()));
            assertThat(foreign).as(table + " rows of other tenants visible to one tenant").isZero();
        }
        long ownKeys = TenantContext.callAs(TenantScope.of(two.tenant().id()), () -> transactions.execute(status ->
                jdbc.sql("select count(*) from signing_key").query(Long.class).single()));
        assertThat(ownKeys).isEqualTo(1);
    }

    @Test
    void aTenantCannotWriteRowsIntoAnotherTenant() {
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                TenantContext.runAs(TenantScope.of(one.tenant().id()), () -> transactions.executeWithoutResult(status ->
                        jdbc.sql("insert into organisation_unit (tenant_id, id, parent_id, name, path) values (?, gen_random_uuid(), null, 'x', '/' || gen_random_uuid() || '/')")
                                .param(two.tenant().id().value()).update())));
        assertThat(refused).rootCause().hasMessageContaining("violates row-level security policy");
    }

    private List<String> tenantTables() {
        return TenantContext.callAs(TenantScope.NOBODY, () -> jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                        order by 1""")
                .query(String.class).list());
    }

    private static Connection ownerConnection() throws SQLException {
        TestDatabase.Target database = TestDatabase.get();
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }
}
