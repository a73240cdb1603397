package io.chargebase.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.chargebase.api.revocation.Revocations;
import io.chargebase.api.revocation.Revoked;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.Tenants;

/**
 * The platform's tenant lookups that every HTTP request makes (its token's tenant, its endpoint's slug), remembered:
 * without it each request costs a statement outside its transaction before it starts. A tenant's status is what may
 * change under a remembered entry, and every change of it is announced by the database (the {@code tenant_revoked}
 * trigger): the announcement empties this at once on every instance, and {@code chargebase.security.revocation-cache}
 * bounds how long a missed one is trusted, as it does for the token checks. Slugs and ids never change; tenants that
 * do not exist are not remembered, so a tenant created a moment ago is found. White-label hosts, which are added and
 * removed without an announcement, are looked up afresh.
 */
@Component
public class KnownTenants {

    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(TenantRef tenant, long loadedAt) {
    }

    private final Tenants tenants;
    private final long ttlNanos;
    private final Map<Object, Remembered> remembered = new ConcurrentHashMap<>();

    KnownTenants(Tenants tenants, Revocations revocations, @Value("${chargebase.security.revocation-cache:5s}") Duration ttl) {
        this.tenants = tenants;
        this.ttlNanos = ttl.toNanos();
        revocations.onRevoked(revoked -> {
            if (revoked.kind() == Revoked.Kind.TENANT) {
                forget();
            }
        });
    }

    /** {@link Tenants#findById}, remembered. */
    public Optional<TenantRef> findById(TenantId id) {
        return remembered(id, () -> tenants.findById(id));
    }

    /** {@link Tenants#findBySlug}, remembered. */
    public Optional<TenantRef> findBySlug(String slug) {
        return slug == null ? Optional.empty() : remembered("slug:" + slug, () -> tenants.findBySlug(slug));
    }

    /** {@link Tenants#findByHost}, read afresh: a host's removal is not announced. */
    public Optional<TenantRef> findByHost(String host) {
        return tenants.findByHost(host);
    }

    /**
     * A tenant's status is being changed on this instance: forgotten now and again when the surrounding transaction
     * commits, so that the caller's next request sees the change without waiting for its announcement (which a
     * request served between the two forgettings, reading the old row, would otherwise have to undo).
     */
    public void changing() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        }
    }

    /** Forgets everything: a tenant's status changed somewhere. */
    void forget() {
        remembered.clear();
    }

    private Optional<TenantRef> remembered(Object key, Supplier<Optional<TenantRef>> load) {
        long now = System.nanoTime();
        Remembered found = remembered.get(key);
        if (found != null && now - found.loadedAt() < ttlNanos) {
            return Optional.of(found.tenant());
        }
        Optional<TenantRef> loaded = load.get();
        if (loaded.isPresent()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(loaded.get(), now));
        } else {
            remembered.remove(key);
        }
        return loaded;
    }
}
