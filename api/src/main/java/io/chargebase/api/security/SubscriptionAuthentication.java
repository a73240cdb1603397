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
 */
@Component
class SubscriptionAuthentication implements WebSocketGraphQlInterceptor {

    private static final String CALLER = SubscriptionAuthentication.class.getName() + ".caller";

    private final JwtDecoder decoder;
    private final Tenants tenants;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    SubscriptionAuthentication(JwtDecoder decoder, Tenants tenants) {
        this.decoder = decoder;
        this.tenants = tenants;
    }

    /** {@code tenant}: the scope's tenant, for the log lines of the connection's operations; null for the platform. */
    private record Caller(SecurityContext security, TenantScope scope, TenantRef tenant) {
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
            JwtAuthenticationToken authentication;
            try {
                authentication = (JwtAuthenticationToken) SecurityConfiguration.rolesConverter().convert(decoder.decode(value.substring(7).trim()));
            } catch (JwtException invalid) {
                throw new IllegalStateException("The access token is not valid: " + invalid.getMessage());
            }
            Optional<TenantScope> scope = TenantContext.callAs(TenantScope.NOBODY, () -> RequestScopeFilter.scopeOf(authentication, tenants));
            if (scope.isEmpty()) {
                throw new IllegalStateException("The token's tenant no longer exists or is suspended.");
            }
            TenantRef tenant = scope.get() instanceof TenantScope.OfTenant of
                    ? TenantContext.callAs(TenantScope.NOBODY, () -> tenants.findById(of.tenantId())).orElse(null) : null;
            session.getAttributes().put(CALLER, new Caller(new SecurityContextImpl(authentication), scope.get(), tenant));
            return Map.<String, Object>of();
        }).then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket) || !(socket.getSessionInfo().getAttributes().get(CALLER) instanceof Caller caller)) {
            return chain.next(request);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        ContextSnapshot snapshot;
        SecurityContextHolder.setContext(caller.security());
        try (var bound = TenantContext.bind(caller.scope()); var logged = LogContext.of(caller.scope(), caller.tenant())) {
            snapshot = snapshots.captureAll();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        return chain.next(request).contextWrite(snapshot::updateContext);
    }
}
