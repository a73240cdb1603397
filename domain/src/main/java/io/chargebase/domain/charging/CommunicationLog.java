package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * The chargers' communication log, written behind the chargers' backs: {@link #append} only queues the frame, and a
 * writer thread stores the queue in batches every {@link #FLUSH_EVERY_MS} ms, or sooner once {@link #BATCH} frames
 * wait. The queue is bounded: when the database cannot keep up, frames are dropped and counted, never waited for.
 */
@Component
public class CommunicationLog implements AutoCloseable {

    static final int MAX_TEXT = 8192;
    static final int BATCH = 500;
    static final long FLUSH_EVERY_MS = 200;
    static final int CAPACITY = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(CommunicationLog.class);

    private record Entry(TenantId tenant, java.util.UUID chargePointId, ChargerEvents.FrameDirection direction, String action, String messageId,
            String text, boolean truncated, Instant at) {
    }

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Thread writer;
    private volatile boolean running = true;

    CommunicationLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.writer = Thread.ofPlatform().daemon().name("communication-log-writer").start(this::run);
    }

    public void append(ChargerRef charger, ChargerEvents.FrameDirection direction, String action, String messageId, String text, Instant at) {
        String body = text == null ? "" : text;
        boolean truncated = body.length() > MAX_TEXT;
        Entry entry = new Entry(charger.tenantId(), charger.chargePointId(), direction, cut(action, 64), cut(messageId, 64),
                truncated ? body.substring(0, MAX_TEXT) : body, truncated, at);
        if (!queue.offer(entry)) {
            long count = dropped.incrementAndGet();
            if (count % 1000 == 1) {
                LOG.warn("Communication log queue full: {} frames dropped so far", count);
            }
        } else if (queue.size() >= BATCH) {
            LockSupport.unpark(writer);
        }
    }

    /** Frames dropped because the queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Stores everything queued so far, on the caller's thread; for tests and shutdown. */
    public void flush() {
        store(true);
    }

    /**
     * Stores the queue in batches of {@link #BATCH}; unless {@code everything}, it stops after the first batch that is
     * not full, so that frames arriving while a batch is written wait for the next full batch or the next tick instead
     * of going out a few at a time, each few with a transaction of their own.
     */
    private synchronized void store(boolean everything) {
        List<Entry> batch = new ArrayList<>();
        int taken;
        while ((taken = queue.drainTo(batch, BATCH)) > 0) {
            write(batch);
            batch.clear();
            if (!everything && taken < BATCH) {
                return;
            }
        }
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_EVERY_MS));
            try {
                store(false);
            } catch (RuntimeException e) {
                LOG.warn("Communication log batch not written", e);
            }
        }
    }

    /**
     * One statement per tenant and batch: the frames travel as arrays and are unnested on the server, joined to the
     * charge points so that the frames of one deleted meanwhile are left out instead of failing the batch.
     */
    private void write(List<Entry> batch) {
        Map<TenantId, List<Entry>> byTenant = new LinkedHashMap<>();
        batch.forEach(entry -> byTenant.computeIfAbsent(entry.tenant(), t -> new ArrayList<>()).add(entry));
        byTenant.forEach((tenant, entries) -> TenantContext.runAs(TenantScope.of(tenant), () -> transactions.executeWithoutResult(status ->
                jdbc.execute((java.sql.Connection connection) -> {
                    try (var insert = connection.prepareStatement("""
                            insert into communication_log (tenant_id, charge_point_id, direction, action, message_id, text, truncated, at)
                            select ?, f.charge_point_id, f.direction, f.action, f.message_id, f.text, f.truncated, f.at
                            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[])
                                with ordinality as f(charge_point_id, direction, action, message_id, text, truncated, at, n)
                            where exists (select 1 from charge_point c where c.id = f.charge_point_id)
                            order by f.n""")) {
                        insert.setObject(1, tenant.value());
                        insert.setArray(2, connection.createArrayOf("uuid", entries.stream().map(Entry::chargePointId).toArray()));
                        insert.setArray(3, connection.createArrayOf("text", entries.stream().map(e -> e.direction().name()).toArray()));
                        insert.setArray(4, connection.createArrayOf("text", entries.stream().map(Entry::action).toArray()));
                        insert.setArray(5, connection.createArrayOf("text", entries.stream().map(Entry::messageId).toArray()));
                        insert.setArray(6, connection.createArrayOf("text", entries.stream().map(Entry::text).toArray()));
                        insert.setArray(7, connection.createArrayOf("boolean", entries.stream().map(Entry::truncated).toArray()));
                        insert.setArray(8, connection.createArrayOf("timestamptz", entries.stream().map(e -> e.at().toString()).toArray()));
                        return insert.executeUpdate();
                    }
                }))));
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
