package io.chargebase.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by telling PostgreSQL whom it acts for, with {@code set_config(..., true)} so the
 * setting dies with the transaction and a pooled connection never carries one tenant into the next borrower's work.
 * Row-level-security policies read {@code app.tenant_id} and {@code app.scope}, and below the tenant
 * {@code app.ou_id} (an OU admin's subtree) and {@code app.profile_id} (a driver's own profile).
 */
public class TenantAwareTransactionManager extends DataSourceTransactionManager {

    static final String SET_SCOPE_SQL = "select set_config('app.tenant_id', ?, true), set_config('app.scope', ?, true), "
            + "set_config('app.ou_id', ?, true), set_config('app.profile_id', ?, true)";

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        TenantScope scope = TenantContext.current();
        String tenantId = scope instanceof TenantScope.OfTenant(TenantId id, var narrowing) ? id.toString() : "";
        String ouId = TenantContext.narrowing() instanceof TenantScope.Narrowing.Subtree(var unit) ? unit.toString() : "";
        String profileId = TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(var profile) ? profile.toString() : "";
        String scopeName = switch (scope) {
            case TenantScope.OfTenant ignored -> "tenant";
            case TenantScope.Platform ignored -> "platform";
            case TenantScope.Nobody ignored -> "";
        };
        try (PreparedStatement statement = con.prepareStatement(SET_SCOPE_SQL)) {
            statement.setString(1, tenantId);
            statement.setString(2, scopeName);
            statement.setString(3, ouId);
            statement.setString(4, profileId);
            statement.execute();
        }
    }
}
