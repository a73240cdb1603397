package io.chargebase.api.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.database.PostgresNotifications;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Whether a verified access token still stands: not expired, its user still active and the token of their current
 * epoch (a password change, disabling and "sign out everywhere" each start a new one), its client still registered,
 * its tenant not suspended. For HTTP requests what the database says is cached for
 * {@code chargebase.security.revocation-cache} and forgotten at every revocation announced on any instance, so a
 * revocation takes effect as soon as the announcement arrives and, should one be lost, within that time.
 *
 * <p>A per-user epoch rather than a list of revoked token ids: a revocation must end every token of the user,
 * including ones this server never stored (access tokens are self-contained JWTs), and an epoch does that with one
 * integer per user and a check that needs nothing but the token's own claim. A "not valid before" timestamp would do
 * the same, but JWT times have whole seconds, so a token issued in the second of the revocation would be refused or
 * let through depending on the order within that second; an epoch is exact.
 */
@Component
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    /** The claim that carries the user's epoch in their access tokens; tokens without it are of epoch 0. */
    public static final String EPOCH_CLAIM = "token_epoch";
    private static final int MAX_CACHED = 10_000;

    /** Why a token no longer stands, with the close code graphql-ws gives it (4401 sign in again, 4403 forbidden). */
    public enum Refusal {
        EXPIRED(4401, "The access token has expired."),
        REVOKED(4401, "The access token has been revoked."),
        USER_DISABLED(4403, "The account is disabled or no longer exists."),
        CLIENT_REMOVED(4403, "The client the token was issued to has been removed."),
        TENANT_SUSPENDED(4403, "The token's tenant is suspended or no longer exists.");

        private final int closeCode;
        private final String message;

        Refusal(int closeCode, String message) {
            this.closeCode = closeCode;
            this.message = message;
        }

        public int closeCode() {
            return closeCode;
        }

        public String message() {
            return message;
        }
    }

    private record UserState(boolean active, int epoch) {
    }

    private record Cached(Object value, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Tenants tenants;
    private final Clock clock;
    private final long ttlNanos;
    private final Map<Object, Cached> cache = new ConcurrentHashMap<>();
    private final List<Consumer<Revoked>> listeners = new CopyOnWriteArrayList<>();

    Revocations(PostgresNotifications notifications, JdbcClient jdbc, PlatformTransactionManager transactionManager, Tenants tenants,
            Clock clock, @Value("${chargebase.security.revocation-cache:5s}") Duration ttl) {
        this.jdbc = jdbc;
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.transactions = readOnly;
        this.tenants = tenants;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        notifications.subscribe(Revoked.CHANNEL, payload -> Revoked.parse(payload).ifPresent(this::announced));
    }

    /** Calls {@code listener} (on a thread of its own) with every revocation announced on any instance. */
    public void onRevoked(Consumer<Revoked> listener) {
        listeners.add(listener);
    }

    /**
     * Everything, read afresh: expiry, tenant, user, epoch, client. For connections that outlive a request, at each
     * of their operations: a few indexed reads per operation, so that an operation sent just after a revocation
     * committed is refused even before the announcement arrives.
     */
    public Optional<Refusal> check(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            return Optional.of(Refusal.EXPIRED);
        }
        Optional<TenantId> tenant = tenantOf(jwt);
        if (tenant.isPresent() && tenants.findById(tenant.get()).filter(TenantRef::isActive).isEmpty()) {
            return Optional.of(Refusal.TENANT_SUSPENDED);
        }
        return issuance(jwt, tenant, false);
    }

    /**
     * The resource server's check of every bearer token: the user, their epoch and the client. Expiry is the JWT
     * validators' and a suspended tenant the request scope's (which answers with its own 403).
     */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> issuance(jwt, tenantOf(jwt), true)
                .map(refusal -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", refusal.message(), null)))
                .orElse(OAuth2TokenValidatorResult.success());
    }

    private Optional<Refusal> issuance(Jwt jwt, Optional<TenantId> tenant, boolean cached) {
        TenantScope scope = tenant.<TenantScope>map(TenantScope::of).orElse(TenantScope.PLATFORM);
        if (jwt.hasClaim("email") && jwt.getSubject() != null) {
            UUID user;
            try {
                user = UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException notOurs) {
                return Optional.of(Refusal.USER_DISABLED);
            }
            UserState state = cached(cached, List.of("user", scope, user), () -> userState(scope, user));
            if (!state.active()) {
                return Optional.of(Refusal.USER_DISABLED);
            }
            Object claimed = jwt.getClaim(EPOCH_CLAIM);
            int epoch = claimed instanceof Number number ? number.intValue() : 0;
            if (epoch < state.epoch()) {
                return Optional.of(Refusal.REVOKED);
            }
        }
        Optional<String> client = clientOf(jwt);
        if (client.isPresent()) {
            Optional<Instant> registered = cached(cached, List.of("client", scope, client.get()),
                    () -> clientRegisteredAt(scope, client.get()));
            Instant issuedAt = jwt.getIssuedAt();
            // a client removed and registered again under the same id is another client
            if (registered.isEmpty() || (issuedAt != null && registered.get().isAfter(issuedAt))) {
                return Optional.of(Refusal.CLIENT_REMOVED);
            }
        }
        return Optional.empty();
    }

    private UserState userState(TenantScope scope, UUID user) {
        return inScope(scope, () -> scope instanceof TenantScope.OfTenant
                ? jdbc.sql("select status = 'ACTIVE' as active, token_epoch from app_user where id = ?").param(user)
                        .query((rs, row) -> new UserState(rs.getBoolean("active"), rs.getInt("token_epoch"))).optional()
                : jdbc.sql("select status = 'ACTIVE' as active, 0 as token_epoch from platform_user where id = ?").param(user)
                        .query((rs, row) -> new UserState(rs.getBoolean("active"), rs.getInt("token_epoch"))).optional())
                .orElse(new UserState(false, Integer.MAX_VALUE));
    }

    private Optional<Instant> clientRegisteredAt(TenantScope scope, String clientId) {
        // JWT times have whole seconds
        return inScope(scope, () -> jdbc.sql("select date_trunc('second', client_id_issued_at) from oauth2_registered_client where client_id = ?")
                .param(clientId).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant));
    }

    private <T> T inScope(TenantScope scope, Supplier<T> work) {
        return TenantContext.callAs(scope, () -> transactions.execute(status -> work.get()));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(boolean useCache, Object key, Supplier<T> load) {
        if (!useCache) {
            return load.get();
        }
        long now = System.nanoTime();
        Cached found = cache.get(key);
        if (found != null && now - found.loadedAt() < ttlNanos) {
            return (T) found.value();
        }
        T value = load.get();
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached(value, now));
        return value;
    }

    private void announced(Revoked revoked) {
        // revocations are rare: forgetting everything is simpler than knowing which entries an announcement touches
        cache.clear();
        for (Consumer<Revoked> listener : listeners) {
            Thread.ofVirtual().name("revoked").start(() -> {
                try {
                    listener.accept(revoked);
                } catch (RuntimeException e) {
                    log.warn("A revocation listener failed on {}", revoked, e);
                }
            });
        }
    }

    static Optional<TenantId> tenantOf(Jwt jwt) {
        String claim = jwt.getClaimAsString(io.chargebase.api.security.Claims.TENANT_ID);
        return claim == null ? Optional.empty() : Optional.of(TenantId.of(claim));
    }

    /** The client the token was issued to: the audience other than this API (see TokenClaimsCustomizer). */
    static Optional<String> clientOf(Jwt jwt) {
        List<String> audience = jwt.getAudience();
        return audience == null ? Optional.empty()
                : audience.stream().filter(a -> !a.equals(io.chargebase.api.security.Claims.API_AUDIENCE)).findFirst();
    }
}
