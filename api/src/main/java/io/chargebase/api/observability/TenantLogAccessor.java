package io.chargebase.api.observability;

import org.slf4j.MDC;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries the {@link TenantLogFields} to the threads Spring for GraphQL fetches and resolves errors on, so that a
 * data fetcher's error line names the tenant of its request. Registered through {@code META-INF/services}.
 */
public class TenantLogAccessor implements ThreadLocalAccessor<TenantLogAccessor.Fields> {

    /** The two entries as one value; either may be absent. */
    public record Fields(String id, String slug) {
    }

    @Override
    public Object key() {
        return TenantLogAccessor.class.getName();
    }

    @Override
    public Fields getValue() {
        String id = MDC.get(TenantLogFields.ID);
        String slug = MDC.get(TenantLogFields.SLUG);
        return id == null && slug == null ? null : new Fields(id, slug);
    }

    @Override
    public void setValue(Fields value) {
        TenantLogFields.put(TenantLogFields.ID, value.id());
        TenantLogFields.put(TenantLogFields.SLUG, value.slug());
    }

    @Override
    public void setValue() {
        MDC.remove(TenantLogFields.ID);
        MDC.remove(TenantLogFields.SLUG);
    }
}
