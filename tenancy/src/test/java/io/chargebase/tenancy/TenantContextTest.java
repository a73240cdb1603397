package io.chargebase.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TenantContextTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void nobodyIsTheScopeUntilOneIsGiven() {
        assertThat(TenantContext.current()).isEqualTo(TenantScope.NOBODY);
        assertThatThrownBy(TenantContext::requireTenant).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScopeHoldsForItsWorkAndThePreviousOneReturns() {
        TenantContext.runAs(TenantScope.PLATFORM, () -> {
            assertThat(TenantContext.current()).isEqualTo(TenantScope.PLATFORM);
            TenantId inner = TenantContext.callAs(TenantScope.of(tenant), TenantContext::requireTenant);
            assertThat(inner).isEqualTo(tenant);
            assertThat(TenantContext.current()).isEqualTo(TenantScope.PLATFORM);
        });
        assertThat(TenantContext.bound()).isNull();
    }

    @Test
    void aBindingEndsWhenClosed() {
        try (var bound = TenantContext.bind(TenantScope.of(tenant))) {
            assertThat(TenantContext.requireTenant()).isEqualTo(tenant);
        }
        assertThat(TenantContext.current()).isEqualTo(TenantScope.NOBODY);
    }

    @Test
    void theScopeCannotChangeInsideATransaction() {
        TenantContext.runAs(TenantScope.of(tenant), () -> {
            TransactionSynchronizationManager.setActualTransactionActive(true);
            try {
                assertThatThrownBy(() -> TenantContext.runAs(TenantScope.PLATFORM, () -> { }))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("inside a transaction");
                TenantContext.runAs(TenantScope.of(tenant), () -> { }); // the same scope again is harmless
            } finally {
                TransactionSynchronizationManager.setActualTransactionActive(false);
            }
        });
    }

    @Test
    void aRescopableTransactionActsForTheNewScopeWhileTheWorkRunsAndThenForTheOldOne() {
        List<TenantScope> actedFor = new ArrayList<>();
        TenantContext.runAs(TenantScope.ofProfile(tenant, UUID.randomUUID()), () -> {
            TenantScope driver = TenantContext.current();
            TransactionSynchronizationManager.setActualTransactionActive(true);
            TransactionSynchronizationManager.bindResource(TenantAwareTransactionManager.Rescoping.class,
                    (TenantAwareTransactionManager.Rescoping) actedFor::add);
            try {
                TenantScope inside = TenantContext.callAs(TenantScope.of(tenant), TenantContext::current);
                assertThat(inside).isEqualTo(TenantScope.of(tenant));
                assertThat(TenantContext.current()).isEqualTo(driver);
                assertThat(actedFor).containsExactly(TenantScope.of(tenant), driver);
            } finally {
                TransactionSynchronizationManager.unbindResource(TenantAwareTransactionManager.Rescoping.class);
                TransactionSynchronizationManager.setActualTransactionActive(false);
            }
        });
    }
}
