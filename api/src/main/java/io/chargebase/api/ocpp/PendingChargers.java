package io.chargebase.api.ocpp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.chargebase.api.shutdown.ShutdownPhases;
import io.chargebase.domain.charging.PendingChargePoints;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * The sockets of pending chargers this instance holds, one per tenant and identity. They are kept apart from
 * registered chargers' ({@link LocalChargers}, {@link ConnectionRegistry}): a pending charger takes no commands. When an
 * admin registers or dismisses one its socket is closed, at once when it is held here, and otherwise by the instance
 * holding it within {@link #CHECK_SECONDS}, which looks whether its chargers are still pending.
 */
@Component
class PendingChargers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PendingChargers.class);
    static final CloseStatus RESOLVED = CloseStatus.NORMAL.withReason("Registration changed; connect again");
    private static final long CHECK_SECONDS = 30;

    private record Key(TenantId tenant, String identity) {
    }

    private final ConcurrentMap<Key, ChargerConnection> connections = new ConcurrentHashMap<>();
    private final PendingChargePoints pendingChargePoints;
    private final OcppRuntime runtime;
    private final OcppProperties properties;
    private final Clock clock;
    private volatile ScheduledFuture<?> checks;

    private final OcppTelemetry telemetry;
    private final ChargerAdmission admission;

    PendingChargers(PendingChargePoints pendingChargePoints, OcppRuntime runtime, OcppProperties properties, Clock clock,
            OcppTelemetry telemetry, ChargerAdmission admission) {
        this.admission = admission;
        this.telemetry = telemetry;
        this.pendingChargePoints = pendingChargePoints;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /** The pending charger's connection, made its current one; an earlier one of the same identity is closed. */
    ChargerConnection open(PendingCharger charger, WebSocketSession session) {
        ChargerConnection connection = new ChargerConnection(charger.ref(), (String) session.getAttributes().get(OcppHandshake.TENANT_SLUG),
                session, admission.guard(pendingChargePoints.events()), runtime.work(), runtime.timeouts(), clock, properties.maxFrameChars(), telemetry);
        Optional.ofNullable(connections.put(new Key(charger.tenantId(), charger.identity()), connection))
                .ifPresent(old -> old.close(OcppSocketHandler.REPLACED));
        try (var logged = connection.logFields()) {
            log.info("Pending charger {} connected ({})", charger, connection.id());
        }
        return connection;
    }

    void closed(ChargerConnection connection) {
        connections.remove(new Key(connection.charger().tenantId(), connection.charger().identity()), connection);
    }

    /** The connections held now. */
    List<ChargerConnection> all() {
        return List.copyOf(connections.values());
    }

    int size() {
        return connections.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void resolved(PendingChargePoints.Resolved resolved) {
        Optional.ofNullable(connections.get(new Key(resolved.tenantId(), resolved.ocppIdentity()))).ifPresent(connection -> {
            log.info("Closing the socket of pending charger {}: registered or dismissed", connection.charger());
            connection.close(RESOLVED);
        });
    }

    private void closeResolvedElsewhere() {
        connections.values().forEach(connection -> {
            try {
                boolean pending = TenantContext.callAs(TenantScope.of(connection.charger().tenantId()),
                        () -> pendingChargePoints.stillPending(connection.charger().chargePointId()));
                if (!pending) {
                    connection.close(RESOLVED);
                }
            } catch (RuntimeException e) {
                log.warn("Could not check whether {} is still pending", connection.charger(), e);
            }
        });
    }

    @Override
    public void start() {
        checks = runtime.scheduler().scheduleWithFixedDelay(() -> runtime.work().execute(this::closeResolvedElsewhere),
                CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (checks != null) {
            checks.cancel(false);
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
        return checks != null && !checks.isCancelled();
    }
}
