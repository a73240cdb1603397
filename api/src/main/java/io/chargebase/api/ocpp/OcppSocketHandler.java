package io.chargebase.api.ocpp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sockets of authenticated chargers (see {@link OcppHandshake}). A charger that connects again replaces its
 * earlier connection, here or on another instance: the new one is registered first, then the old one is closed
 * normally, and the old one's closing reports no disconnection because it is no longer the charger's connection.
 */
@Component
class OcppSocketHandler implements WebSocketHandler, SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(OcppSocketHandler.class);
    static final String PROTOCOL = "ocpp1.6";
    private static final String CONNECTION = ChargerConnection.class.getName();
    static final CloseStatus REPLACED = CloseStatus.NORMAL.withReason("Replaced by a newer connection");
    private static final int SEND_TIME_LIMIT_MILLIS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 1 << 20;

    private final ObjectProvider<ChargerEvents> events;
    private final LocalChargers locals;
    private final ConnectionRegistry registry;
    private final CommandRelay relay;
    private final OcppRuntime runtime;
    private final OcppProperties properties;
    private final Clock clock;
    private final PendingChargers pendingChargers;
    private final OcppTelemetry telemetry;
    private final ChargerAdmission admission;
    private final OcppShutdown shutdown;
    /** Connecting and disconnecting one charger happen one at a time, so its events come in the order of its sockets. */
    private final ReentrantLock[] locks = new ReentrantLock[64];

    OcppSocketHandler(ObjectProvider<ChargerEvents> events, LocalChargers locals, ConnectionRegistry registry, CommandRelay relay,
            OcppRuntime runtime, OcppProperties properties, Clock clock, PendingChargers pendingChargers, OcppTelemetry telemetry,
            OcppShutdown shutdown, ChargerAdmission admission) {
        this.admission = admission;
        this.telemetry = telemetry;
        this.pendingChargers = pendingChargers;
        this.shutdown = shutdown;
        this.events = events;
        this.locals = locals;
        this.registry = registry;
        this.relay = relay;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(PROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        if (session.getAttributes().get(PendingCharger.ATTRIBUTE) instanceof PendingCharger pending) {
            ChargerConnection connection = pendingChargers.open(pending,
                    new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, SEND_BUFFER_LIMIT));
            session.getAttributes().put(CONNECTION, connection);
            closeIfShuttingDown(connection);
            return;
        }
        ChargerRef charger = (ChargerRef) session.getAttributes().get(OcppHandshake.CHARGER);
        ChargerEvents chargerEvents = events.getIfAvailable();
        if (charger == null || chargerEvents == null) {
            log.error("OCPP socket without {}; closing", charger == null ? "an authenticated charger" : "a ChargerEvents implementation");
            closeQuietly(session, CloseStatus.SERVER_ERROR);
            return;
        }
        WebSocketSession concurrent = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, SEND_BUFFER_LIMIT);
        ChargerConnection connection = new ChargerConnection(charger, (String) session.getAttributes().get(OcppHandshake.TENANT_SLUG),
                concurrent, admission.guard(chargerEvents), runtime.work(), runtime.timeouts(), clock, properties.maxFrameChars(), telemetry);
        session.getAttributes().put(CONNECTION, connection);
        try (var logged = connection.logFields()) {
            register(session, charger, chargerEvents, connection);
        }
    }

    private void register(WebSocketSession session, ChargerRef charger, ChargerEvents chargerEvents, ChargerConnection connection) {
        Optional<ChargerConnection> replaced;
        Optional<ConnectionRegistry.Previous> previous;
        ReentrantLock lock = lockOf(charger);
        lock.lock();
        try {
            replaced = locals.put(connection);
            previous = registry.connected(charger, connection.id());
            TenantContext.runAs(TenantScope.of(charger.tenantId()),
                    () -> chargerEvents.connected(charger, String.valueOf(session.getRemoteAddress()), PROTOCOL));
        } catch (RuntimeException e) {
            log.error("Connection of {} could not be registered; closing it", charger, e);
            locals.remove(connection);
            session.getAttributes().remove(CONNECTION);
            closeQuietly(session, CloseStatus.SERVER_ERROR);
            return;
        } finally {
            lock.unlock();
        }
        log.info("Charger {} connected ({})", charger, connection.id());
        replaced.ifPresent(old -> old.close(REPLACED));
        previous.filter(p -> !p.instanceId().equals(registry.instanceId()))
                .ifPresent(p -> relay.send(p.instanceId(), closeRequest(charger, p)));
        closeIfShuttingDown(connection);
    }

    /** A handshake that passed just before the shutdown began: its socket may have been missed by the drain. */
    private void closeIfShuttingDown(ChargerConnection connection) {
        if (shutdown.draining()) {
            connection.closeGoingAway(shutdown.deadline());
        }
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
        ChargerConnection connection = (ChargerConnection) session.getAttributes().get(CONNECTION);
        if (connection == null) {
            return;
        }
        switch (message) {
            case TextMessage text -> connection.received(text.getPayload());
            case BinaryMessage ignored -> connection.close(CloseStatus.NOT_ACCEPTABLE.withReason("OCPP-J uses text frames"));
            default -> { } // pongs: the traffic itself is what keeps the socket alive
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Transport error on OCPP socket {}", session.getId(), exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
        ChargerConnection connection = (ChargerConnection) session.getAttributes().remove(CONNECTION);
        if (connection == null) {
            return;
        }
        connection.closed();
        if (session.getAttributes().containsKey(PendingCharger.ATTRIBUTE)) {
            pendingChargers.closed(connection);
            return;
        }
        ChargerRef charger = connection.charger();
        ReentrantLock lock = lockOf(charger);
        lock.lock();
        try (var logged = connection.logFields()) {
            locals.remove(connection);
            if (registry.disconnected(charger, connection.id())) {
                TenantContext.runAs(TenantScope.of(charger.tenantId()), () -> events.getObject().disconnected(charger));
                log.info("Charger {} disconnected ({}, {})", charger, connection.id(), closeStatus);
            } else {
                log.info("Replaced connection {} of charger {} closed ({})", connection.id(), charger, closeStatus);
            }
        } catch (RuntimeException e) {
            log.warn("Disconnection of {} could not be recorded", charger, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }

    static ObjectNode closeRequest(ChargerRef charger, ConnectionRegistry.Previous previous) {
        ObjectNode message = io.chargebase.ocpp.rpc.FrameCodec.mapper().createObjectNode();
        message.put("kind", "close");
        message.put("tenant", charger.tenantId().value().toString());
        message.put("chargePoint", charger.chargePointId().toString());
        message.put("connection", previous.connectionId().toString());
        return message;
    }

    private ReentrantLock lockOf(ChargerRef charger) {
        return locks[Math.floorMod(charger.chargePointId().hashCode(), locks.length)];
    }

    private static void closeQuietly(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (java.io.IOException e) {
            log.debug("Closing OCPP socket {} failed", session.getId(), e);
        }
    }
}
