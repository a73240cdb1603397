package io.chargebase.domain.billing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.TenantId;

/**
 * Tenants' billing strategies as read at most {@link #RECENT} ago, for work done at every meter reading (the balance
 * and hold watchers): a reading of a tenant whose strategy needs no watching then costs no statement, no transaction
 * and no thread. A change is seen within {@link #RECENT}. Starts and payments read {@link BillingStrategies#current}.
 */
@Component
class RecentStrategies {

    static final Duration RECENT = Duration.ofSeconds(5);

    private record Read(StrategySettings settings, long atNanos) {
    }

    private final BillingStrategies strategies;
    private final Map<TenantId, Read> reads = new ConcurrentHashMap<>();

    RecentStrategies(BillingStrategies strategies) {
        this.strategies = strategies;
    }

    StrategySettings of(TenantId tenant) {
        Read read = reads.get(tenant);
        long now = System.nanoTime();
        if (read != null && now - read.atNanos() < RECENT.toNanos()) {
            return read.settings();
        }
        StrategySettings settings = TenantContext.callAs(TenantScope.of(tenant), strategies::current);
        reads.put(tenant, new Read(settings, now));
        return settings;
    }
}
