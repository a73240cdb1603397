package io.chargebase.api.revocation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.chargebase.api.shutdown.ShutdownPhases;
import io.chargebase.api.shutdown.ShutdownStep;

/**
 * The GraphQL-over-WebSocket connections this instance holds, each with the access token it signed in with. A
 * connection is closed when its token expires (a timer set at sign-in) and when a revocation announced on any
 * instance touches its tenant and its caller no longer stands ({@link Revocations#check}); every operation on it is
 * checked as well (see SubscriptionAuthentication). The close codes are graphql-ws's: 4401 for an expired or revoked
 * token (sign in again), 4403 for a caller that may no longer use the API. When the instance shuts down, after
 * readiness went down, every connection closes with 1001 (going away): the client reconnects and resubscribes on
 * another instance rather than waiting for a socket the web server would cut at the end of its graceful wait.
 */
@Component
public class GraphQlSockets extends ShutdownStep implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GraphQlSockets.class);
    static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("Server shutting down; reconnect");

    private static final class Open {
        final WebSocketSession session;
        volatile Jwt caller;
        volatile ScheduledFuture<?> expiry;

        Open(WebSocketSession session) {
            this.session = session;
        }
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Revocations revocations;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("graphql-socket-expiry").factory());

    GraphQlSockets(Revocations revocations, Clock clock) {
        super(ShutdownPhases.GRAPHQL_SOCKETS);
        this.revocations = revocations;
        this.clock = clock;
        revocations.onRevoked(this::revoked);
    }

    void opened(WebSocketSession session) {
        open.put(session.getId(), new Open(session));
        if (shuttingDown()) {
            close(session, GOING_AWAY);
        }
    }

    void closed(String sessionId) {
        Open closed = open.remove(sessionId);
        if (closed != null && closed.expiry != null) {
            closed.expiry.cancel(false);
        }
    }

    /** The connection signed in with this token: it closes when the token expires. */
    public void signedIn(String sessionId, Jwt caller) {
        Open socket = open.get(sessionId);
        if (socket == null) {
            return;
        }
        socket.caller = caller;
        if (caller.getExpiresAt() != null) {
            expireAt(socket, caller);
        }
    }

    /**
     * A timer's clock and the wall clock differ by a little: a timer that fires a moment early sets itself again for
     * what is left, so that the connection closes at expiry and not only at its next operation.
     */
    private void expireAt(Open socket, Jwt caller) {
        long left = Duration.between(clock.instant(), caller.getExpiresAt()).toMillis();
        if (left <= 0) {
            if (socket.caller == caller) {
                close(socket, Revocations.Refusal.EXPIRED);
            }
            return;
        }
        socket.expiry = timer.schedule(() -> expireAt(socket, caller), left + 1, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection because its caller no longer stands. */
    public void close(String sessionId, Revocations.Refusal refusal) {
        Open socket = open.get(sessionId);
        if (socket != null) {
            close(socket, refusal);
        }
    }

    /** How many connections this instance holds. */
    public int size() {
        return open.size();
    }

    private void revoked(Revoked revoked) {
        if (revoked.kind() == Revoked.Kind.CHARGE_POINT) {
            return;
        }
        open.values().stream()
                .filter(socket -> socket.caller != null)
                .filter(socket -> Objects.equals(Revocations.tenantOf(socket.caller).map(t -> t.value()), revoked.tenant()))
                .forEach(this::recheck);
    }

    private void recheck(Open socket) {
        Jwt caller = socket.caller;
        if (caller == null || !socket.session.isOpen()) {
            return;
        }
        Optional<Revocations.Refusal> refusal;
        try {
            refusal = revocations.check(caller);
        } catch (RuntimeException e) {
            log.warn("Could not check the caller of GraphQL socket {}", socket.session.getId(), e);
            return;
        }
        refusal.ifPresent(reason -> close(socket, reason));
    }

    private static void close(Open socket, Revocations.Refusal refusal) {
        close(socket.session, new CloseStatus(refusal.closeCode(), refusal.message()));
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing GraphQL socket {} failed", session.getId(), e);
        }
    }

    @Override
    protected void shutDown() {
        log.info("Shutting down: closing {} GraphQL sockets with 1001", open.size());
        open.values().forEach(socket -> close(socket.session, GOING_AWAY));
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
