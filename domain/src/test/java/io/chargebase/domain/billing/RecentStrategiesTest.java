package io.chargebase.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

class RecentStrategiesTest {

    /** Counts its reads, answering the pre-authorising strategy for the tenant it is asked in. */
    private static final class CountingStrategies extends BillingStrategies {

        final AtomicInteger reads = new AtomicInteger();
        TenantId seen;

        CountingStrategies() {
            super(null, null);
        }

        @Override
        public StrategySettings current() {
            reads.incrementAndGet();
            seen = TenantContext.requireTenant();
            return new StrategySettings(BillingStrategy.PRE_AUTHORISE, java.math.BigDecimal.TEN, null);
        }
    }

    @Test
    void aTenantsStrategyIsReadOnceWithinTheWindowAndInItsOwnScope() {
        CountingStrategies strategies = new CountingStrategies();
        RecentStrategies recent = new RecentStrategies(strategies);
        TenantId acme = new TenantId(UUID.randomUUID());
        TenantId demo = new TenantId(UUID.randomUUID());
        for (int reading = 0; reading < 100; reading++) {
            assertThat(recent.of(acme).strategy()).isEqualTo(BillingStrategy.PRE_AUTHORISE);
        }
        assertThat(strategies.reads).as("a hundred readings, one statement").hasValue(1);
        assertThat(strategies.seen).isEqualTo(acme);
        recent.of(demo);
        assertThat(strategies.reads).as("each tenant its own").hasValue(2);
        assertThat(strategies.seen).isEqualTo(demo);
    }
}
