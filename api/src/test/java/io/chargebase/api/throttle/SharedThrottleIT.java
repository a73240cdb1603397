package io.chargebase.api.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Limits that must hold across replicas are counted in PostgreSQL: two instances share one budget. */
class SharedThrottleIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoReplicasShareOneBudgetPerTenantAndKey() {
        LocalThrottleTest.MutableClock clock = new LocalThrottleTest.MutableClock();
        SharedThrottle first = new SharedThrottle(jdbc, transactionManager, clock);
        SharedThrottle second = new SharedThrottle(jdbc, transactionManager, clock);
        TestTenant tenant = aTenant();
        TestTenant other = aTenant();
        TenantScope scope = TenantScope.of(tenant.tenant().id());

        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            SharedThrottle replica = i % 2 == 0 ? first : second;
            if (TenantContext.callAs(scope, () -> replica.tryAcquire("sign-up:203.0.113.9", 5, Duration.ofHours(1)))) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(5);
        assertThat(TenantContext.callAs(TenantScope.of(other.tenant().id()),
                () -> first.tryAcquire("sign-up:203.0.113.9", 5, Duration.ofHours(1)))).isTrue();
        assertThat(TenantContext.callAs(scope, () -> second.tryAcquire("sign-up:198.51.100.1", 5, Duration.ofHours(1)))).isTrue();

        clock.advance(Duration.ofHours(1));
        assertThat(TenantContext.callAs(scope, () -> second.tryAcquire("sign-up:203.0.113.9", 5, Duration.ofHours(1)))).isTrue();
    }
}
