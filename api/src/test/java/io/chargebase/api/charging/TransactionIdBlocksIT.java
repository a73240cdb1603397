package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.domain.charging.internal.TransactionIdBlocks;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Transaction ids from blocks: two instances (two {@link TransactionIdBlocks} on one database) handing out ids to
 * many starts at once never give the same id twice, each in order, and a new instance starts after what was reserved.
 */
class TransactionIdBlocksIT extends IntegrationTest {

    @Autowired
    SessionRows rows;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoInstancesNeverHandOutTheSameIdAndEachHandsThemOutInOrder() throws Exception {
        TestTenant tenant = aTenant();
        TransactionIdBlocks one = new TransactionIdBlocks(rows, transactions);
        TransactionIdBlocks other = new TransactionIdBlocks(rows, transactions);
        List<Integer> fromOne = Collections.synchronizedList(new ArrayList<>());
        List<Integer> fromOther = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(handOut(tenant, one, fromOne, 150));
            starts.add(handOut(tenant, other, fromOther, 150));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Void> done : pool.invokeAll(starts)) {
                done.get();
            }
        }
        List<Integer> all = new ArrayList<>(fromOne);
        all.addAll(fromOther);
        assertThat(all).hasSize(2 * 8 * 150);
        assertThat(new HashSet<>(all)).as("no id twice").hasSameSizeAs(all);
        assertThat(all).allSatisfy(id -> assertThat(id).isPositive());

        // a restarted instance continues after every block reserved before, used or not
        int max = all.stream().max(Integer::compare).orElseThrow();
        int afterRestart = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), new TransactionIdBlocks(rows, transactions)::next);
        assertThat(afterRestart).isGreaterThan(max);

        // inside a transaction it refuses: the counter's row would stay locked until that transaction ends
        assertThatThrownBy(() -> TenantContext.runAs(TenantScope.of(tenant.tenant().id()),
                () -> new TransactionTemplate(transactions).executeWithoutResult(status -> one.next())))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Callable<Void> handOut(TestTenant tenant, TransactionIdBlocks blocks, List<Integer> into, int count) {
        return () -> {
            TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
                int previous = 0;
                for (int i = 0; i < count; i++) {
                    int id = blocks.next();
                    assertThat(id).as("in order on one thread").isGreaterThan(previous);
                    previous = id;
                    into.add(id);
                }
            });
            return null;
        };
    }
}
