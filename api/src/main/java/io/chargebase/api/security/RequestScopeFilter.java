package io.chargebase.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import io.chargebase.api.http.PlatformHosts;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Makes the authenticated token's tenant the scope of the request: its {@code tenant_id}, the platform for a
 * platform admin, nobody for anonymous callers; narrowed to a subtree for OU admins and to one profile for drivers. A suspended tenant's requests stop here with 403.
 */
public class RequestScopeFilter extends OncePerRequestFilter {

    private final KnownTenants tenants;
    private final PlatformHosts platformHosts;

    public RequestScopeFilter(KnownTenants tenants, PlatformHosts platformHosts) {
        this.platformHosts = platformHosts;
        this.tenants = tenants;
    }

    /** An OU admin's token narrows the scope to their subtree, a driver's to their own profile. */
    private static TenantScope narrowed(TenantRef tenant, JwtAuthenticationToken token) {
        String profile = token.getToken().getClaimAsString(TokenClaimsCustomizer.PROFILE_ID);
        if (profile != null) {
            return TenantScope.ofProfile(tenant.id(), java.util.UUID.fromString(profile));
        }
        String unit = token.getToken().getClaimAsString(TokenClaimsCustomizer.OU_ID);
        if (unit != null) {
            return TenantScope.ofSubtree(tenant.id(), java.util.UUID.fromString(unit));
        }
        return TenantScope.of(tenant.id());
    }

    /**
     * The scope a verified token acts in, for transports other than HTTP requests (GraphQL over WebSocket): empty when
     * its tenant no longer exists or is suspended.
     */
    public static Optional<TenantScope> scopeOf(JwtAuthenticationToken token, Tenants tenants) {
        String tenantClaim = token.getToken().getClaimAsString(Claims.TENANT_ID);
        if (tenantClaim == null) {
            boolean platform = token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.PLATFORM_ADMIN.authority()));
            return Optional.of(platform ? TenantScope.PLATFORM : TenantScope.NOBODY);
        }
        return tenants.findById(TenantId.of(tenantClaim)).filter(TenantRef::isActive).map(tenant -> narrowed(tenant, token));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantScope scope = TenantScope.NOBODY;
        TenantRef logged = null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            String tenantClaim = token.getToken().getClaimAsString(Claims.TENANT_ID);
            if (tenantClaim != null) {
                Optional<TenantRef> tenant = tenants.findById(TenantId.of(tenantClaim));
                if (tenant.isEmpty()) {
                    ErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token",
                            "The token's tenant no longer exists.");
                    return;
                }
                if (!tenant.get().isActive()) {
                    ErrorResponses.tenantSuspended(response, tenant.get().slug());
                    return;
                }
                scope = narrowed(tenant.get(), token);
                logged = tenant.get();
            } else if (token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.PLATFORM_ADMIN.authority()))) {
                scope = TenantScope.PLATFORM;
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> endpointSlug = io.chargebase.api.graphql.EndpointTenant.slugOf(path);
        Optional<TenantRef> hostTenant = endpointSlug.isEmpty() && path.equals("/graphql") && !platformHosts.contains(request.getServerName())
                ? tenants.findByHost(request.getServerName()) : Optional.empty();
        if (endpointSlug.isPresent() || hostTenant.isPresent()) {
            Optional<TenantRef> endpoint = hostTenant.isPresent() ? hostTenant : tenants.findBySlug(endpointSlug.get());
            if (endpoint.isEmpty()) {
                ErrorResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "unknown_tenant", "No tenant '" + endpointSlug.get() + "'.");
                return;
            }
            if (!endpoint.get().isActive()) {
                ErrorResponses.tenantSuspended(response, endpoint.get().slug());
                return;
            }
            boolean foreignToken = authentication instanceof JwtAuthenticationToken
                    && !(scope instanceof TenantScope.OfTenant tenant && tenant.tenantId().equals(endpoint.get().id()));
            if (foreignToken) {
                ErrorResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "wrong_tenant",
                        "This endpoint belongs to tenant '" + endpoint.get().slug() + "', and the token to another issuer.");
                return;
            }
            request.setAttribute(io.chargebase.api.graphql.EndpointTenant.KEY, endpoint.get());
            logged = endpoint.get();
        }
        try (var bound = TenantContext.bind(scope); var fields = LogContext.of(scope, logged)) {
            chain.doFilter(request, response);
        }
    }
}
