package io.chargebase.domain.charging.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

/**
 * OCPP 1.6 transaction ids, handed out from blocks this instance reserves per tenant. Taking each id from the tenant's
 * counter row inside the start's own transaction held that row locked until the start committed, so every start of a
 * tenant waited for the one before it (23 ms a start under the load harness, most of a start's time in the database).
 * A block of {@link #BLOCK} ids is reserved in a short transaction of its own, before the start's begins; the ids are
 * unique per tenant across instances and restarts, in order within an instance, and those of a block an instance
 * did not use before it stopped are never used (OCPP asks only that an id be unique, not that ids be dense).
 */
@Component
public class TransactionIdBlocks {

    static final int BLOCK = 100;

    private final SessionRows rows;
    private final TransactionTemplate reservation;
    private final Map<TenantId, Block> blocks = new ConcurrentHashMap<>();

    public TransactionIdBlocks(SessionRows rows, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.reservation = new TransactionTemplate(transactions);
    }

    /** The current tenant's next transaction id; call it outside any transaction (it may reserve a block in one of its own). */
    public int next() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Transaction ids are reserved outside the caller's transaction, which would hold the counter locked");
        }
        Block block = blocks.computeIfAbsent(TenantContext.requireTenant(), tenant -> new Block());
        block.lock.lock();
        try {
            if (block.next > block.last) {
                int last = reservation.execute(status -> rows.reserveTransactionIds(BLOCK));
                block.next = last - BLOCK + 1;
                block.last = last;
            }
            return block.next++;
        } finally {
            block.lock.unlock();
        }
    }

    private static final class Block {
        final ReentrantLock lock = new ReentrantLock();
        int next = 1;
        int last = 0;
    }
}
