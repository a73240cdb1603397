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

/**
 * The GraphQL-over-WebSocket connections this instance holds, each with the access token it signed in with. A
 * connection is closed when its token expires (a timer set at sign-in) and when a revocation announced on any
 * instance touches its tenant and its caller no longer stands ({@link Revocations#check}); every operation on it is
 * checked as well (see SubscriptionAuthentication). The close codes are graphql-ws's: 4401 for an expired or revoked
 * token (sign in again), 4403 for a caller that may no longer use the API.
 */
@Component
public class GraphQlSockets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GraphQlSockets.class);

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
        this.revocations = revocations;
        this.clock = clock;
        revocations.onRevoked(this::revoked);
    }

    void opened(WebSocketSession session) {
        open.put(session.getId(), new Open(session));
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
            long delay = Math.max(0, Duration.between(clock.instant(), caller.getExpiresAt()).toMillis());
            socket.expiry = timer.schedule(() -> recheck(socket), delay, TimeUnit.MILLISECONDS);
        }
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
        try {
            socket.session.close(new CloseStatus(refusal.closeCode(), refusal.message()));
        } catch (IOException | RuntimeException e) {
            log.debug("Closing GraphQL socket {} failed", socket.session.getId(), e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
