package io.chargebase.api.security;

import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.chargebase.api.http.PlatformHosts;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;

/**
 * The mapping between issuer paths and whom they issue for: {@code /t/{slug}} for a tenant,
 * {@code /platform} for the platform operator. Every bearer token is resolved here, so slugs are looked up through
 * {@link KnownTenants}, which remembers them until a tenant's status changes.
 */
@Component
public class Issuers {

    public static final String PLATFORM_PATH = "/platform";
    public static final String TENANT_PREFIX = "/t/";

    private final KnownTenants tenants;
    private final PlatformHosts platformHosts;

    Issuers(KnownTenants tenants, PlatformHosts platformHosts) {
        this.tenants = tenants;
        this.platformHosts = platformHosts;
    }

    /** Who an issuer path stands for; the tenant is returned whatever its status, so callers can refuse it clearly. */
    public Optional<Issuer> resolvePath(String issuerPath) {
        if (PLATFORM_PATH.equals(issuerPath)) {
            return Optional.of(new Issuer(TenantScope.PLATFORM, null));
        }
        if (issuerPath != null && issuerPath.startsWith(TENANT_PREFIX)) {
            String slug = issuerPath.substring(TENANT_PREFIX.length());
            return tenants.findBySlug(slug).map(ref -> new Issuer(TenantScope.of(ref.id()), ref));
        }
        return Optional.empty();
    }

    /** The tenant whose white-label host this is, as an issuer at the root of that host; never the platform's own host. */
    public Optional<Issuer> resolveHost(String host) {
        if (platformHosts.contains(host)) {
            return Optional.empty();
        }
        return tenants.findByHost(host).map(ref -> new Issuer(TenantScope.of(ref.id()), ref));
    }

    /** Who an issuer identifier (a URL) stands for: by its path, or for a white-label host by its host. */
    public Optional<Issuer> resolveUrl(String issuer) {
        try {
            URI uri = URI.create(issuer);
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return Optional.empty();
            }
            if (uri.getPath() == null || uri.getPath().isEmpty()) {
                return uri.getHost() == null ? Optional.empty() : resolveHost(uri.getHost());
            }
            return resolvePath(uri.getPath());
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The issuer path at the start of a request path: {@code /t/acme/oauth2/token} → {@code /t/acme}. RFC 8414
     * metadata ({@code /.well-known/oauth-authorization-server/t/acme}) puts it at the end.
     */
    public static Optional<String> issuerPathOf(String requestPath) {
        String wellKnown = "/.well-known/oauth-authorization-server";
        String path = requestPath.startsWith(wellKnown + "/") ? requestPath.substring(wellKnown.length()) : requestPath;
        if (path.equals(PLATFORM_PATH) || path.startsWith(PLATFORM_PATH + "/")) {
            return Optional.of(PLATFORM_PATH);
        }
        if (path.startsWith(TENANT_PREFIX)) {
            int end = path.indexOf('/', TENANT_PREFIX.length());
            String slug = end < 0 ? path.substring(TENANT_PREFIX.length()) : path.substring(TENANT_PREFIX.length(), end);
            if (!slug.isEmpty()) {
                return Optional.of(TENANT_PREFIX + slug);
            }
        }
        return Optional.empty();
    }

    /** An issuer: the scope it issues for, and for a tenant issuer what routing knows of the tenant. */
    public record Issuer(TenantScope scope, TenantRef tenant) {

        public boolean isRefused() {
            return tenant != null && !tenant.isActive();
        }
    }
}
