package io.chargebase.api.security;

import org.slf4j.MDC;

import io.chargebase.tenancy.TenantScope;

/** Puts whom a request acts for into every log line it writes ({@code tenant=<id>}, {@code platform} or nothing). */
final class LogContext implements AutoCloseable {

    static final String KEY = "tenant";

    private LogContext() {
    }

    static LogContext of(TenantScope scope) {
        switch (scope) {
            case TenantScope.OfTenant(var id, var narrowing) -> MDC.put(KEY, id.toString());
            case TenantScope.Platform ignored -> MDC.put(KEY, "platform");
            case TenantScope.Nobody ignored -> MDC.remove(KEY);
        }
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(KEY);
    }
}
