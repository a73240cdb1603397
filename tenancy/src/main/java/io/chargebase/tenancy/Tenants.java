package io.chargebase.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.internal.TenantRows;

/**
 * The tenants of this platform. Creating, listing, suspending and reactivating act for the platform operator;
 * {@link #findBySlug} and {@link #findById} are the narrow cross-tenant lookups that routing needs before anyone
 * is known to act for a tenant.
 */
public class Tenants {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    private static final int MAX_NAME = 200;
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final TenantRows rows;
    private final TransactionTemplate transactions;
    private final List<TenantProvisioner> provisioners;

    /** The tenants in the database {@code jdbc} reaches, each created with everything {@code provisioners} give it. */
    public Tenants(JdbcClient jdbc, PlatformTransactionManager transactionManager, List<TenantProvisioner> provisioners) {
        this.rows = new TenantRows(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.provisioners = List.copyOf(provisioners);
    }

    /** Creates a tenant together with everything its provisioners give it, all or nothing. */
    public Tenant create(NewTenant request) {
        return create(request, tenant -> { });
    }

    /**
     * Creates a tenant and, in the same transaction and acting for it, whatever {@code setUp} adds after the
     * provisioners: all or nothing.
     */
    public Tenant create(NewTenant request, TenantProvisioner setUp) {
        String slug = validSlug(request.slug());
        String name = validName(request.name());
        Currency currency = validCurrency(request.currency());
        ZoneId zone = validZone(request.timeZone());
        if (rows.findBySlug(slug).isPresent()) {
            throw duplicateSlug(slug);
        }
        TenantId id = new TenantId(UUID.randomUUID());
        try {
            // The new tenant's rows may only be written by someone acting for it, so creation acts for it.
            return TenantContext.callAs(TenantScope.of(id), () -> transactions.execute(status -> {
                Tenant tenant = rows.insert(id, slug, name, currency, zone);
                provisioners.forEach(provisioner -> provisioner.provision(tenant));
                setUp.provision(tenant);
                return tenant;
            }));
        } catch (DuplicateKeyException raceLost) {
            throw duplicateSlug(slug);
        }
    }

    /** Tenants in slug order, after the given slug, at most {@code limit}. Platform scope only. */
    public List<Tenant> list(String afterSlug, int limit) {
        return inTransaction(() -> rows.list(afterSlug, limit));
    }

    /** The tenant, if the current scope may see it (the platform, or the tenant itself). */
    public Optional<Tenant> get(TenantId id) {
        return inTransaction(() -> rows.get(id));
    }

    public Tenant suspend(TenantId id, String reason) {
        String trimmed = reason == null ? null : reason.strip();
        if (trimmed != null && trimmed.length() > 500) {
            throw new TenantRejection(TenantRejection.Reason.INVALID, "reason", "The reason is longer than 500 characters.");
        }
        return inTransaction(() -> rows.setStatus(id, TenantStatus.SUSPENDED, trimmed == null || trimmed.isEmpty() ? null : trimmed)
                .orElseThrow(() -> notFound(id)));
    }

    public Tenant reactivate(TenantId id) {
        return inTransaction(() -> rows.setStatus(id, TenantStatus.ACTIVE, null).orElseThrow(() -> notFound(id)));
    }

    /** Changes the branding of the tenant acted for. */
    public Tenant updateBranding(Branding branding) {
        Branding valid = branding.validated();
        TenantId id = TenantContext.requireTenant();
        return inTransaction(() -> rows.setBranding(id, valid).orElseThrow(() -> notFound(id)));
    }

    /** What anyone may know of an active tenant (its name and branding), by slug; empty for unknown or suspended ones. */
    public Optional<Tenant> publicProfile(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return rows.publicProfile(slug);
    }

    /** Cross-tenant lookup by white-label host, for routing a tenant's own domain; works in any scope. */
    public Optional<TenantRef> findByHost(String host) {
        String normalised = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HOST.matcher(normalised).matches()) {
            return Optional.empty();
        }
        return rows.findByHost(normalised);
    }

    /** Lets a tenant be reached on its own host (DNS and TLS for it are arranged outside Chargebase). */
    public void addDomain(TenantId id, String host) {
        String normalised = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        if (!HOST.matcher(normalised).matches() || normalised.length() > 253) {
            throw new TenantRejection(TenantRejection.Reason.INVALID, "host",
                    "'" + host + "' is not a host name such as charge.example.com (no scheme, port or path).");
        }
        try {
            inTransaction(() -> {
                rows.get(id).orElseThrow(() -> notFound(id));
                rows.addDomain(id, normalised);
                return null;
            });
        } catch (DuplicateKeyException taken) {
            throw new TenantRejection(TenantRejection.Reason.DUPLICATE, "host", "The host '" + normalised + "' is already in use.");
        }
    }

    public void removeDomain(TenantId id, String host) {
        String normalised = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        boolean removed = inTransaction(() -> rows.removeDomain(id, normalised));
        if (!removed) {
            throw new TenantRejection(TenantRejection.Reason.NOT_FOUND, "host", "The tenant has no host '" + normalised + "'.");
        }
    }

    /** The white-label hosts of each tenant the current scope may see. */
    public java.util.Map<TenantId, List<String>> domainsOf(java.util.Collection<TenantId> ids) {
        return inTransaction(() -> rows.domainsOf(ids));
    }

    /** Cross-tenant lookup by slug, for routing issuer paths and OCPP paths; works in any scope. */
    public Optional<TenantRef> findBySlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return rows.findBySlug(slug);
    }

    /** Cross-tenant lookup by id, for checking a token's tenant; works in any scope. */
    public Optional<TenantRef> findById(TenantId id) {
        return rows.findById(id);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private static String validSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new TenantRejection(TenantRejection.Reason.INVALID, "slug", "A slug is required.");
        }
        if (!SLUG.matcher(slug).matches()) {
            throw new TenantRejection(TenantRejection.Reason.INVALID, "slug",
                    "A slug has 1 to 40 lower-case letters, digits and inner hyphens, like 'acme' or 'city-power'.");
        }
        return slug;
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new TenantRejection(TenantRejection.Reason.INVALID, "name", "A name is required.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new TenantRejection(TenantRejection.Reason.INVALID, "name", "A name has at most " + MAX_NAME + " characters.");
        }
        return trimmed;
    }

    private static Currency validCurrency(String code) {
        try {
            if (code != null && code.length() == 3 && code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw new TenantRejection(TenantRejection.Reason.INVALID, "currency",
                "'" + code + "' is not an ISO 4217 currency code such as EUR, GBP or USD.");
    }

    private static ZoneId validZone(String zone) {
        try {
            if (zone != null && zone.contains("/")) {
                return ZoneId.of(zone);
            }
        } catch (DateTimeException unknown) {
            // reported below
        }
        throw new TenantRejection(TenantRejection.Reason.INVALID, "timeZone",
                "'" + zone + "' is not an IANA time zone such as Europe/Amsterdam.");
    }

    private static TenantRejection duplicateSlug(String slug) {
        return new TenantRejection(TenantRejection.Reason.DUPLICATE, "slug", "The slug '" + slug + "' is taken.");
    }

    private static TenantRejection notFound(TenantId id) {
        return new TenantRejection(TenantRejection.Reason.NOT_FOUND, "id", "No tenant " + id + ".");
    }
}
