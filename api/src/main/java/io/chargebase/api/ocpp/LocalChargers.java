package io.chargebase.api.ocpp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.chargebase.api.shutdown.ShutdownPhases;
import io.chargebase.tenancy.TenantId;

/** The chargers whose sockets this instance holds, one connection per charge point, and their keep-alive pings. */
@Component
class LocalChargers implements SmartLifecycle {

    record Key(TenantId tenant, UUID chargePointId) {
    }

    private final ConcurrentMap<Key, ChargerConnection> connections = new ConcurrentHashMap<>();
    private final OcppRuntime runtime;
    private final OcppProperties properties;
    private volatile ScheduledFuture<?> pings;

    LocalChargers(OcppRuntime runtime, OcppProperties properties) {
        this.runtime = runtime;
        this.properties = properties;
    }

    /** Makes the connection its charger's current one; returns the one it replaces. */
    Optional<ChargerConnection> put(ChargerConnection connection) {
        return Optional.ofNullable(connections.put(keyOf(connection), connection));
    }

    /** Removes the connection if it is still its charger's current one. */
    boolean remove(ChargerConnection connection) {
        return connections.remove(keyOf(connection), connection);
    }

    Optional<ChargerConnection> find(TenantId tenant, UUID chargePointId) {
        return Optional.ofNullable(connections.get(new Key(tenant, chargePointId)));
    }

    /** The tenant's connections held here. */
    java.util.List<ChargerConnection> ofTenant(TenantId tenant) {
        return connections.entrySet().stream().filter(entry -> entry.getKey().tenant().equals(tenant)).map(java.util.Map.Entry::getValue).toList();
    }

    /** The connections held now. */
    List<ChargerConnection> all() {
        return List.copyOf(connections.values());
    }

    int size() {
        return connections.size();
    }

    @Override
    public void start() {
        long millis = properties.pingInterval().toMillis();
        pings = runtime.scheduler().scheduleWithFixedDelay(
                () -> connections.values().forEach(connection -> runtime.work().execute(connection::ping)),
                millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (pings != null) {
            pings.cancel(false);
        }
    }

    /**
     * Stops after {@link OcppShutdown}, which depends on it: Spring stops a bean's dependents along with it, so at a
     * higher phase this would stop the socket drain early, before readiness went down.
     */
    @Override
    public int getPhase() {
        return ShutdownPhases.OCPP_SOCKETS - 1;
    }

    @Override
    public boolean isRunning() {
        return pings != null && !pings.isCancelled();
    }

    private static Key keyOf(ChargerConnection connection) {
        return new Key(connection.charger().tenantId(), connection.charger().chargePointId());
    }
}
