package io.chargebase.api.observability;

import java.util.Objects;

import org.slf4j.MDC;

import io.chargebase.tenancy.TenantId;

/**
 * The tenant of the work a log line comes from, as two MDC entries: {@value #ID} and {@value #SLUG}. JSON logs nest
 * them ({@code "tenant":{"id":…,"slug":…}}); the text format of local mode prints {@code [tenant=slug/id]}. Work for
 * the platform itself logs {@code tenant.id=platform} and no slug.
 */
public final class TenantLogFields implements AutoCloseable {

    public static final String ID = "tenant.id";
    public static final String SLUG = "tenant.slug";
    static final String PLATFORM = "platform";

    private final String previousId;
    private final String previousSlug;

    private TenantLogFields(String previousId, String previousSlug) {
        this.previousId = previousId;
        this.previousSlug = previousSlug;
    }

    /** Puts the tenant into this thread's log lines until closed; closing restores what was there before. */
    public static TenantLogFields of(TenantId tenant, String slug) {
        Objects.requireNonNull(tenant, "tenant");
        return set(tenant.toString(), slug);
    }

    public static TenantLogFields platform() {
        return set(PLATFORM, null);
    }

    /** No tenant in this thread's log lines until closed. */
    public static TenantLogFields none() {
        return set(null, null);
    }

    private static TenantLogFields set(String id, String slug) {
        TenantLogFields previous = new TenantLogFields(MDC.get(ID), MDC.get(SLUG));
        put(ID, id);
        put(SLUG, slug);
        return previous;
    }

    static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        put(ID, previousId);
        put(SLUG, previousSlug);
    }
}
