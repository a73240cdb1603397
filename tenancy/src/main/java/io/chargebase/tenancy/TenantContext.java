package io.chargebase.tenancy;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The scope of the current thread. It is read once, when a transaction begins; switching scope inside a running
 * transaction would leave the database acting for the old one, so it is refused, except in a transaction begun
 * {@linkplain TenantAwareTransactionManager#rescopable() rescopable}, which acts for the new scope until the work is done.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static TenantScope current() {
        TenantScope scope = CURRENT.get();
        return scope == null ? TenantScope.NOBODY : scope;
    }

    /** The tenant acted for, or a failure when the current scope is not a tenant's. */
    public static TenantId requireTenant() {
        if (current() instanceof TenantScope.OfTenant(TenantId tenantId, var narrowing)) {
            return tenantId;
        }
        throw new IllegalStateException("This operation needs a tenant scope, but runs as " + current());
    }

    /** How the current tenant scope is narrowed; {@code Whole} outside tenant scopes. */
    public static TenantScope.Narrowing narrowing() {
        return current() instanceof TenantScope.OfTenant tenant ? tenant.narrowing() : TenantScope.Narrowing.WHOLE;
    }

    public static <T> T callAs(TenantScope scope, Supplier<T> work) {
        Objects.requireNonNull(scope, "scope");
        TenantScope previous = CURRENT.get();
        if (!scope.equals(current()) && TransactionSynchronizationManager.isActualTransactionActive()) {
            if (!(TransactionSynchronizationManager.getResource(TenantAwareTransactionManager.Rescoping.class)
                    instanceof TenantAwareTransactionManager.Rescoping rescoping)) {
                throw new IllegalStateException("Cannot switch to " + scope + " inside a transaction begun as " + current());
            }
            return rescoped(rescoping, scope, previous, work);
        }
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    /** Work for another scope inside a rescopable transaction: the database acts for it, then for the old one again. */
    private static <T> T rescoped(TenantAwareTransactionManager.Rescoping rescoping, TenantScope scope, TenantScope previous, Supplier<T> work) {
        TenantScope before = current();
        actFor(rescoping, scope);
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            restore(previous);
            actFor(rescoping, before);
        }
    }

    private static void actFor(TenantAwareTransactionManager.Rescoping rescoping, TenantScope scope) {
        try {
            rescoping.actFor(scope);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not switch the transaction to " + scope, e);
        }
    }

    public static void runAs(TenantScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Binds a scope to the thread until the returned handle is closed; for servlet filters and context-propagation
     * hooks that cannot wrap the work in a lambda.
     */
    public static Binding bind(TenantScope scope) {
        TenantScope previous = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(scope, "scope"));
        return () -> restore(previous);
    }

    /** The raw thread-local value, {@code null} when nothing is bound; for context-propagation hooks. */
    public static TenantScope bound() {
        return CURRENT.get();
    }

    /**
     * Sets the raw thread-local value ({@code null} clears it), for context-propagation hooks that copy the
     * scope of one thread onto another and later put back what was there.
     */
    public static void propagate(TenantScope valueOrNull) {
        restore(valueOrNull);
    }

    private static void restore(TenantScope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Undoes a {@link #bind(TenantScope)}. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
