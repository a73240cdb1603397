package io.chargebase.api.ocpp;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Which instance holds which charger's socket, in PostgreSQL so that every instance can find it. Each instance has
 * a fresh id per start and says every {@link OcppProperties#instanceBeat()} that it is alive; a charger whose instance
 * has been silent for {@link OcppProperties#instanceSilence()} counts as offline, and the rows of silent instances
 * are removed at start-up and at every beat, so a crashed instance never makes commands wait for it.
 */
@Component
class ConnectionRegistry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

    /** Who held a charger's socket before a new connection took over. */
    record Previous(UUID instanceId, UUID connectionId) {
    }

    private final UUID instanceId = UUID.randomUUID();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OcppRuntime runtime;
    private final OcppProperties properties;
    private volatile boolean running;
    private ScheduledFuture<?> beat;

    ConnectionRegistry(JdbcClient jdbc, PlatformTransactionManager transactionManager, OcppRuntime runtime, OcppProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.runtime = runtime;
        this.properties = properties;
    }

    UUID instanceId() {
        return instanceId;
    }

    /** Records that this instance now holds the charger's socket; returns who held it before, if anyone else did. */
    Optional<Previous> connected(ChargerRef charger, UUID connectionId) {
        return inTenant(charger.tenantId(), () -> jdbc.sql("""
                        with previous as materialized (
                            select instance_id, connection_id from ocpp_connection
                            where tenant_id = :tenant and charge_point_id = :chargePoint)
                        insert into ocpp_connection (tenant_id, charge_point_id, connection_id, instance_id)
                        values (:tenant, :chargePoint, :connection, :instance)
                        on conflict (tenant_id, charge_point_id) do update
                            set connection_id = excluded.connection_id, instance_id = excluded.instance_id, connected_at = now()
                        returning (select instance_id from previous) as previous_instance,
                                  (select connection_id from previous) as previous_connection""")
                .param("tenant", charger.tenantId().value())
                .param("chargePoint", charger.chargePointId())
                .param("connection", connectionId)
                .param("instance", instanceId)
                .query((rs, row) -> rs.getObject("previous_instance") == null ? null
                        : new Previous(rs.getObject("previous_instance", UUID.class), rs.getObject("previous_connection", UUID.class)))
                .optional());
    }

    /** Forgets the connection unless a newer one took its place; true when it was still the charger's connection. */
    boolean disconnected(ChargerRef charger, UUID connectionId) {
        return inTenant(charger.tenantId(), () -> jdbc.sql("delete from ocpp_connection where charge_point_id = ? and connection_id = ?")
                .params(charger.chargePointId(), connectionId).update() > 0);
    }

    /** The live instance that holds the charger's socket, if any. */
    Optional<UUID> locate(TenantId tenant, UUID chargePointId) {
        return inTenant(tenant, () -> jdbc.sql("""
                        select c.instance_id from ocpp_connection c join ocpp_instance i on i.id = c.instance_id
                        where c.charge_point_id = ? and i.seen_at > now() - make_interval(secs => ?)""")
                .params(chargePointId, properties.instanceSilence().toMillis() / 1000.0)
                .query(UUID.class).optional());
    }

    @Override
    public void start() {
        TenantContext.runAs(TenantScope.NOBODY, () -> transactions.executeWithoutResult(status ->
                jdbc.sql("insert into ocpp_instance (id) values (?)").param(instanceId).update()));
        forgetDeadInstances();
        long millis = properties.instanceBeat().toMillis();
        beat = runtime.scheduler().scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (beat != null) {
            beat.cancel(false);
        }
        try {
            // This instance's chargers reconnect elsewhere; its rows must not send commands here meanwhile.
            TenantContext.runAs(TenantScope.NOBODY, () -> transactions.executeWithoutResult(status ->
                    jdbc.sql("delete from ocpp_instance where id = ?").param(instanceId).update()));
            forgetDeadInstances();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance ({}) from the OCPP connection registry", instanceId, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server takes connections, after it stopped taking them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void beat() {
        try {
            int updated = TenantContext.callAs(TenantScope.NOBODY, () -> transactions.execute(status ->
                    jdbc.sql("update ocpp_instance set seen_at = now() where id = ?").param(instanceId).update()));
            if (updated == 0) {
                // forgotten after a long pause (GC, suspended VM): come back, and the chargers' rows with us are gone
                TenantContext.runAs(TenantScope.NOBODY, () -> transactions.executeWithoutResult(status ->
                        jdbc.sql("insert into ocpp_instance (id) values (?) on conflict do nothing").param(instanceId).update()));
                log.warn("This instance ({}) had been taken for dead; its chargers' sockets are no longer registered", instanceId);
            }
            forgetDeadInstances();
        } catch (RuntimeException e) {
            log.warn("OCPP instance beat failed", e);
        }
    }

    private void forgetDeadInstances() {
        Integer forgotten = TenantContext.callAs(TenantScope.NOBODY, () -> transactions.execute(status ->
                jdbc.sql("select ocpp_forget_dead_instances(make_interval(secs => ?))")
                        .param(properties.instanceSilence().toMillis() / 1000.0).query(Integer.class).single()));
        if (forgotten != null && forgotten > 0) {
            log.info("Forgot {} charger connections of instances that stopped", forgotten);
        }
    }

    private <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> transactions.execute(status -> work.get()));
    }
}
