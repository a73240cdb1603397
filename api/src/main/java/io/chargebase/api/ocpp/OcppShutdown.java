package io.chargebase.api.ocpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.chargebase.api.shutdown.ShutdownPhases;
import io.chargebase.api.shutdown.ShutdownProperties;
import io.chargebase.api.shutdown.ShutdownStep;

/**
 * Closes every charger socket this instance holds when it shuts down, after readiness went down and before the web
 * server stops: from then on new OCPP handshakes are refused with 503, each socket answers the frames it already took
 * (see {@link ChargerConnection#closeGoingAway}) and closes with 1001, all sockets at once, within
 * {@link ShutdownProperties#drainTimeout()}. The MeterValues writer and the database pool stop only after this phase.
 */
@Component
class OcppShutdown extends ShutdownStep {

    private static final Logger log = LoggerFactory.getLogger(OcppShutdown.class);

    private final LocalChargers locals;
    private final PendingChargers pending;
    private final OcppRuntime runtime;
    private final ShutdownProperties properties;

    OcppShutdown(LocalChargers locals, PendingChargers pending, OcppRuntime runtime, ShutdownProperties properties) {
        super(ShutdownPhases.OCPP_SOCKETS);
        this.locals = locals;
        this.pending = pending;
        this.runtime = runtime;
        this.properties = properties;
    }

    /** True once the instance shuts down: no charger is let in any more. */
    boolean draining() {
        return shuttingDown();
    }

    /** The deadline a connection that arrives while draining is closed by. */
    long deadline() {
        return System.nanoTime() + properties.drainTimeout().toNanos();
    }

    @Override
    protected void shutDown() {
        long deadline = deadline();
        List<ChargerConnection> connections = new ArrayList<>(locals.all());
        connections.addAll(pending.all());
        log.info("Shutting down: closing {} charger sockets with 1001", connections.size());
        CompletableFuture<?>[] closing = connections.stream()
                .map(connection -> CompletableFuture.runAsync(() -> connection.closeGoingAway(deadline), runtime.work()))
                .toArray(CompletableFuture[]::new);
        try {
            // a little past the deadline: each connection gives up by itself then and closes
            CompletableFuture.allOf(closing).get(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Not every charger socket closed in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
