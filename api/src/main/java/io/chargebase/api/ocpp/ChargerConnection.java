package io.chargebase.api.ocpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.chargebase.api.observability.TenantLogFields;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.ocpp.rpc.Call;
import io.chargebase.ocpp.rpc.CallError;
import io.chargebase.ocpp.rpc.CallResult;
import io.chargebase.ocpp.rpc.Decoded;
import io.chargebase.ocpp.rpc.FrameCodec;
import io.chargebase.ocpp.rpc.FrameSink;
import io.chargebase.ocpp.rpc.FramingFailure;
import io.chargebase.ocpp.rpc.RpcEndpoint;
import io.chargebase.ocpp.rpc.RpcMessage;
import io.chargebase.ocpp.rpc.RpcSettings;
import io.chargebase.ocpp.rpc.TimeoutScheduler;
import io.chargebase.ocpp.v16.CentralSystemRules16;
import io.chargebase.ocpp.v16.Ocpp16CallHandler;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.micrometer.observation.Observation;
import tools.jackson.databind.JsonNode;

/**
 * One charger's open socket: its RPC endpoint, and the order its frames are handled in. Frames are handled one after
 * another on virtual threads, never on the socket's I/O thread, so a slow database stalls only this charger. Every
 * frame, both ways, goes to the communication log. Everything the domain is told runs acting for the charger's
 * tenant, which comes from the path the charger authenticated on.
 */
final class ChargerConnection {

    private static final Logger log = LoggerFactory.getLogger(ChargerConnection.class);
    /** A charger that sends faster than it is answered is flooding; it is closed rather than queued without end. */
    private static final int MAX_QUEUED_FRAMES = 100;
    private static final int MAX_REMEMBERED_IDS = 256;
    private static final CentralSystemRules16 RULES = new CentralSystemRules16();
    static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("Server shutting down; connect again");

    private final UUID id = UUID.randomUUID();
    private final ChargerRef charger;
    private final String tenantSlug;
    private final OcppTelemetry telemetry;
    private final TenantScope scope;
    private final WebSocketSession session;
    private final ChargerEvents events;
    private final Executor executor;
    private final Clock clock;
    private final FrameCodec codec;
    private final RpcEndpoint endpoint;
    /** The action of each call in flight, by message id, so that answers are logged with their action. */
    private final Map<String, String> actions = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** Set when the instance shuts down: frames that arrive after it are not taken, so they are never answered here. */
    private boolean draining;

    ChargerConnection(ChargerRef charger, String tenantSlug, WebSocketSession session, ChargerEvents events, Executor executor,
            TimeoutScheduler timeouts, Clock clock, int maxFrameChars, OcppTelemetry telemetry) {
        this.charger = charger;
        this.tenantSlug = tenantSlug;
        this.telemetry = telemetry;
        this.scope = TenantScope.of(charger.tenantId());
        this.session = session;
        this.events = events;
        this.executor = executor;
        this.clock = clock;
        this.codec = new FrameCodec(maxFrameChars);
        this.endpoint = new RpcEndpoint(charger.tenantId().value() + "/" + charger.identity(), new Outgoing(), RULES,
                new Ocpp16CallHandler(events, charger), timeouts, RpcSettings.defaults().withMaxFrameChars(maxFrameChars));
    }

    UUID id() {
        return id;
    }

    ChargerRef charger() {
        return charger;
    }

    /** A text frame from the charger: queued behind the ones before it. */
    void received(String text) {
        if (queued.incrementAndGet() > MAX_QUEUED_FRAMES) {
            try (TenantLogFields logged = logFields()) {
                log.warn("Charger {} sends faster than it is answered; closing its socket", charger);
            }
            close(CloseStatus.POLICY_VIOLATION.withReason("Too many frames waiting"));
            return;
        }
        synchronized (this) {
            if (draining) {
                // unanswered, so the charger sends it again to the instance it reconnects to
                queued.decrementAndGet();
                return;
            }
            tail = tail.thenRunAsync(() -> handle(text), executor);
        }
    }

    /**
     * Closes the socket for a shutdown: no frame is taken any more, the frames already taken are handled and
     * answered (a MeterValues only once it is committed), whatever is still in the send buffer goes out, and then
     * the socket is closed with 1001 (going away), on which a charger reconnects, through the load balancer, to
     * another instance. Gives up waiting at the deadline and closes anyway.
     */
    void closeGoingAway(long deadlineNanos) {
        CompletableFuture<Void> taken;
        synchronized (this) {
            draining = true;
            taken = tail;
        }
        try {
            taken.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("Charger {}: frames still being handled at the shutdown deadline; closing anyway", charger);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.debug("Charger {}: the last frame failed", charger, e);
        }
        if (session instanceof ConcurrentWebSocketSessionDecorator buffered) {
            // an answer handed to the socket may wait in the buffer of a send in progress on another thread
            while (buffered.getBufferSize() > 0 && buffered.isOpen() && System.nanoTime() < deadlineNanos) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        close(GOING_AWAY);
    }

    /**
     * Starts {@code work} on a thread of its own once the frames taken so far are handled and answered: what the central
     * system sends after an answer (the configuration defaults after a BootNotification's) reaches the charger after it.
     * It only starts there, so the answers it waits for, which come as frames, are not queued behind it.
     */
    void afterFramesTaken(Runnable work) {
        synchronized (this) {
            tail = tail.thenRun(() -> executor.execute(() -> TenantContext.runAs(scope, work)));
        }
    }

    CompletionStage<JsonNode> call(String action, JsonNode payload, Duration timeout) {
        return endpoint.call(action, payload, timeout);
    }

    void ping() {
        try {
            session.sendMessage(new PingMessage());
        } catch (IOException | RuntimeException e) {
            log.debug("Ping to {} failed; closing", charger, e);
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the socket of {} failed", charger, e);
        }
    }

    /** The socket closed: calls still waiting fail, answers still being prepared are dropped. */
    void closed() {
        endpoint.close();
    }

    /** Puts the charger's tenant into this thread's log lines until closed. */
    TenantLogFields logFields() {
        return TenantLogFields.of(charger.tenantId(), tenantSlug);
    }

    /** One message from the charger, in an observation of its own: one trace from the frame down to its SQL. */
    private void handle(String text) {
        Observation message = telemetry.message().start();
        try (TenantLogFields logged = logFields(); Observation.Scope scoped = message.openScope();
                TenantContext.Binding ignored = TenantContext.bind(scope)) {
            // read once, for the communication log and the endpoint
            Decoded decoded = codec.decode(text);
            OcppTelemetry.named(message, logFrame(ChargerEvents.FrameDirection.IN, text, decoded));
            endpoint.onFrame(decoded);
        } catch (RuntimeException e) {
            // whatever a charger sends, the next frame must still be handled
            message.error(e);
            log.error("Frame from {} could not be handled", charger, e);
        } finally {
            message.stop();
            queued.decrementAndGet();
        }
    }

    /** The endpoint's frames to the charger; the endpoint says what each one encodes, so it is logged unread. */
    private final class Outgoing implements FrameSink {

        @Override
        public void send(String frame) {
            send(frame, codec.decode(frame));
        }

        @Override
        public void send(String frame, RpcMessage message) {
            send(frame, new Decoded.Message(message));
        }

        private void send(String frame, Decoded decoded) {
            logFrame(ChargerEvents.FrameDirection.OUT, frame, decoded);
            try {
                session.sendMessage(new TextMessage(frame));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Runs domain work acting for the charger's tenant. Outgoing frames may be sent from a caller's thread inside a
     * transaction begun for another scope (an OU admin's command), where the scope cannot switch: there the work
     * moves to a thread of its own.
     */
    private void asCharger(Runnable work) {
        if (!scope.equals(TenantContext.current()) && TransactionSynchronizationManager.isActualTransactionActive()) {
            executor.execute(() -> TenantContext.runAs(scope, work));
        } else {
            TenantContext.runAs(scope, work);
        }
    }

    /** Writes the frame to the communication log and counts the answers; returns the frame's action, when known. */
    private String logFrame(ChargerEvents.FrameDirection direction, String text, Decoded decoded) {
        String messageId = null;
        String action = null;
        try {
            switch (decoded) {
                case Decoded.Message(Call call) -> {
                    messageId = call.messageId();
                    action = call.action();
                    if (actions.size() < MAX_REMEMBERED_IDS) {
                        actions.put(messageId, action);
                    }
                }
                case Decoded.Message(CallResult result) -> {
                    messageId = result.messageId();
                    action = actions.remove(messageId);
                    telemetry.answered(answerDirection(direction), action, "result");
                }
                case Decoded.Message(CallError error) -> {
                    messageId = error.messageId();
                    action = actions.remove(messageId);
                    telemetry.answered(answerDirection(direction), action, "error");
                    if (direction == ChargerEvents.FrameDirection.OUT) {
                        telemetry.callErrorSent(error.errorCode());
                    }
                }
                case FramingFailure failure -> messageId = failure.messageId().orElse(null);
            }
            String loggedAction = action;
            String loggedId = messageId;
            java.time.Instant at = clock.instant();
            asCharger(() -> events.frame(charger, direction, loggedAction, loggedId, text, at));
        } catch (RuntimeException e) {
            log.warn("Frame of {} could not be written to the communication log", charger, e);
        }
        return action;
    }

    /** An answer we send is to a call the charger made ({@code in}); one we receive, to a call we made ({@code out}). */
    private static String answerDirection(ChargerEvents.FrameDirection answer) {
        return answer == ChargerEvents.FrameDirection.OUT ? "in" : "out";
    }
}
