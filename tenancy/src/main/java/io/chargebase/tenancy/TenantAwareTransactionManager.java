package io.chargebase.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Begins every transaction by telling PostgreSQL whom it acts for, with {@code set_config(..., true)} so the
 * setting dies with the transaction and a pooled connection never carries one tenant into the next borrower's work.
 * Row-level-security policies read {@code app.tenant_id} and {@code app.scope}, and below the tenant
 * {@code app.ou_id} (an OU admin's subtree) and {@code app.profile_id} (a driver's own profile).
 * <p>
 * A transaction begun with {@link #rescopable()} may change whom it acts for while it runs
 * ({@link TenantContext#callAs} sets the settings again, and back when the work is done): one GraphQL request reads
 * in one transaction although a field or two (a driver's price estimate) reads for a wider scope.
 */
public class TenantAwareTransactionManager extends DataSourceTransactionManager {

    static final String SET_SCOPE_SQL = "select set_config('app.tenant_id', ?, true), set_config('app.scope', ?, true), "
            + "set_config('app.ou_id', ?, true), set_config('app.profile_id', ?, true)";

    private static final String RESCOPABLE = TenantAwareTransactionManager.class.getName() + ".rescopable";

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    /** A transaction whose scope {@link TenantContext#callAs} may switch while it runs. */
    public static TransactionDefinition rescopable() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setName(RESCOPABLE);
        return definition;
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        actFor(con, TenantContext.current());
        if (RESCOPABLE.equals(definition.getName())) {
            TransactionSynchronizationManager.bindResource(Rescoping.class, (Rescoping) scope -> actFor(con, scope));
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResourceIfPossible(Rescoping.class);
        super.doCleanupAfterCompletion(transaction);
    }

    /** A suspended transaction takes its rescoping along, so that work in between cannot switch the suspended one. */
    @Override
    protected Object doSuspend(Object transaction) {
        Object rescoping = TransactionSynchronizationManager.unbindResourceIfPossible(Rescoping.class);
        return new Suspended(super.doSuspend(transaction), rescoping);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        Suspended suspended = (Suspended) suspendedResources;
        super.doResume(transaction, suspended.resources());
        if (suspended.rescoping() != null) {
            TransactionSynchronizationManager.bindResource(Rescoping.class, suspended.rescoping());
        }
    }

    private record Suspended(Object resources, Object rescoping) {
    }

    private static void actFor(Connection con, TenantScope scope) throws SQLException {
        String tenantId = scope instanceof TenantScope.OfTenant(TenantId id, var narrowing) ? id.toString() : "";
        TenantScope.Narrowing narrowing = scope instanceof TenantScope.OfTenant tenant ? tenant.narrowing() : TenantScope.Narrowing.WHOLE;
        String ouId = narrowing instanceof TenantScope.Narrowing.Subtree(var unit) ? unit.toString() : "";
        String profileId = narrowing instanceof TenantScope.Narrowing.OwnProfile(var profile) ? profile.toString() : "";
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

    /** Sets whom the running transaction acts for; bound while a {@link #rescopable()} transaction runs. */
    @FunctionalInterface
    interface Rescoping {
        void actFor(TenantScope scope) throws SQLException;
    }
}
