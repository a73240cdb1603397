package io.chargebase.api.security;

import java.util.Map;
import java.util.Optional;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import io.chargebase.api.revocation.GraphQlSockets;
import io.chargebase.api.revocation.Revocations;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Signs in GraphQL-over-WebSocket connections. Browsers cannot send headers with a WebSocket, so graphql-ws clients
 * pass the access token in the {@code connection_init} payload ({@code {"Authorization": "Bearer …"}}); it is
 * verified exactly as a bearer token on HTTP, and every operation on the connection then runs as that caller in
 * that caller's tenant scope. A connection opened with an {@code Authorization} header is authenticated by the
 * HTTP filters at the handshake instead. A token that fails verification refuses the connection.
 *
 * <p>The caller is checked again at every operation ({@link Revocations#check}: expiry, a disabled user, a removed
 * client, a suspended tenant, a revoked token); one that no longer stands has the operation refused and the
 * connection closed with graphql-ws's 4401 or 4403. {@link GraphQlSockets} closes such connections without waiting
 * for their next operation.
 */
@Component
class SubscriptionAuthentication implements WebSocketGraphQlInterceptor {

    private static final String CALLER = SubscriptionAuthentication.class.getName() + ".caller";

    private final JwtDecoder decoder;
    private final Tenants tenants;
    private final Revocations revocations;
    private final GraphQlSockets sockets;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    SubscriptionAuthentication(JwtDecoder decoder, Tenants tenants, Revocations revocations, GraphQlSockets sockets) {
        this.decoder = decoder;
        this.tenants = tenants;
        this.revocations = revocations;
        this.sockets = sockets;
    }

    /** {@code tenant}: the scope's tenant, for the log lines of the connection's operations; null for the platform. */
    private record Caller(SecurityContext security, TenantScope scope, TenantRef tenant) {
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // signed in at the handshake, if at all
            return session.getPrincipal()
                    .doOnNext(principal -> {
                        if (principal instanceof JwtAuthenticationToken token) {
                            sockets.signedIn(session.getId(), token.getToken());
                        }
                    })
                    .then(Mono.empty());
        }
        return Mono.fromCallable(() -> {
            JwtAuthenticationToken authentication;
            try {
                authentication = (JwtAuthenticationToken) SecurityConfiguration.rolesConverter().convert(decoder.decode(value.substring(7).trim()));
            } catch (JwtException invalid) {
                throw new IllegalStateException("The access token is not valid: " + invalid.getMessage());
            }
            // the decoder allows a minute of clock skew past expiry; a connection may not start on a token that is over
            revocations.check(authentication.getToken()).ifPresent(refusal -> {
                throw new IllegalStateException(refusal.message());
            });
            Optional<TenantScope> scope = TenantContext.callAs(TenantScope.NOBODY, () -> RequestScopeFilter.scopeOf(authentication, tenants));
            if (scope.isEmpty()) {
                throw new IllegalStateException("The token's tenant no longer exists or is suspended.");
            }
            TenantRef tenant = scope.get() instanceof TenantScope.OfTenant of
                    ? TenantContext.callAs(TenantScope.NOBODY, () -> tenants.findById(of.tenantId())).orElse(null) : null;
            session.getAttributes().put(CALLER, new Caller(new SecurityContextImpl(authentication), scope.get(), tenant));
            sockets.signedIn(session.getId(), authentication.getToken());
            return Map.<String, Object>of();
        }).then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        WebSocketSessionInfo session = socket.getSessionInfo();
        if (!(session.getAttributes().get(CALLER) instanceof Caller caller)) {
            return session.getPrincipal()
                    .flatMap(principal -> principal instanceof JwtAuthenticationToken token ? refusalOf(token) : Mono.empty())
                    .map(refusal -> refuse(session, refusal))
                    .switchIfEmpty(Mono.defer(() -> chain.next(request)));
        }
        return refusalOf((JwtAuthenticationToken) caller.security().getAuthentication())
                .map(refusal -> refuse(session, refusal))
                .switchIfEmpty(Mono.defer(() -> {
                    SecurityContext previous = SecurityContextHolder.getContext();
                    ContextSnapshot snapshot;
                    SecurityContextHolder.setContext(caller.security());
                    try (var bound = TenantContext.bind(caller.scope()); var logged = LogContext.of(caller.scope(), caller.tenant())) {
                        snapshot = snapshots.captureAll();
                    } finally {
                        SecurityContextHolder.setContext(previous);
                    }
                    return chain.next(request).contextWrite(snapshot::updateContext);
                }));
    }

    private Mono<Revocations.Refusal> refusalOf(JwtAuthenticationToken token) {
        return Mono.fromCallable(() -> revocations.check(token.getToken()).orElse(null));
    }

    /** The operation gets an error and the connection closes; graphql-ws clients see the close code. */
    private WebGraphQlResponse refuse(WebSocketSessionInfo session, Revocations.Refusal refusal) {
        sockets.close(session.getId(), refusal);
        throw new IllegalStateException(refusal.message());
    }
}
