package io.chargebase.api.throttle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.TenantContext;

/**
 * Limits counted in PostgreSQL ({@code rate_limit}), so that they hold across every replica: at most {@code limit}
 * attempts per key of the tenant acted for in a fixed window that starts with the first attempt. Each attempt is
 * one upsert in a transaction of its own, committed whatever becomes of the operation it guards. Expired windows of
 * the tenant are deleted now and then by the attempts themselves.
 */
@Component
public class SharedThrottle {

    private static final int PURGE_EVERY = 256;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AtomicInteger attempts = new AtomicInteger();

    SharedThrottle(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Counts an attempt under {@code key} for the tenant acted for; false when it is over {@code limit} in its window. */
    public boolean tryAcquire(String key, int limit, Duration window) {
        TenantContext.requireTenant();
        Instant now = clock.instant();
        Integer hits = ownTransaction.execute(status -> {
            if (attempts.incrementAndGet() % PURGE_EVERY == 0) {
                jdbc.sql("delete from rate_limit where expires_at <= ?").params(Timestamp.from(now)).update();
            }
            return jdbc.sql("""
                    insert into rate_limit (bucket, hits, expires_at) values (:bucket, 1, :expires)
                    on conflict (tenant_id, bucket) do update set
                        hits = case when rate_limit.expires_at <= :now then 1 else rate_limit.hits + 1 end,
                        expires_at = case when rate_limit.expires_at <= :now then :expires else rate_limit.expires_at end
                    returning hits""")
                    .param("bucket", key.length() > 300 ? key.substring(0, 300) : key)
                    .param("expires", Timestamp.from(now.plus(window)))
                    .param("now", Timestamp.from(now))
                    .query(Integer.class).single();
        });
        return hits != null && hits <= limit;
    }
}
