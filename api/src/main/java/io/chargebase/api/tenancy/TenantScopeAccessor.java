package io.chargebase.api.tenancy;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries the tenant scope to whatever thread Spring for GraphQL runs a data fetcher on, the way it carries the
 * security context. Registered through {@code META-INF/services}.
 */
public class TenantScopeAccessor implements ThreadLocalAccessor<TenantScope> {

    @Override
    public Object key() {
        return TenantScope.class.getName();
    }

    @Override
    public TenantScope getValue() {
        return TenantContext.bound();
    }

    @Override
    public void setValue(TenantScope value) {
        TenantContext.propagate(value);
    }

    @Override
    public void setValue() {
        TenantContext.propagate(null);
    }

    @Override
    public void restore(TenantScope previousValue) {
        TenantContext.propagate(previousValue);
    }

    @Override
    public void restore() {
        TenantContext.propagate(null);
    }
}
