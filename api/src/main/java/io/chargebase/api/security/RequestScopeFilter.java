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

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Makes the authenticated token's tenant the scope of the request: its {@code tenant_id}, the platform for a
 * platform admin, nobody for anonymous callers. A suspended tenant's requests stop here with 403.
 */
public class RequestScopeFilter extends OncePerRequestFilter {

    private final Tenants tenants;

    public RequestScopeFilter(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantScope scope = TenantScope.NOBODY;
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
                scope = TenantScope.of(tenant.get().id());
            } else if (token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.PLATFORM_ADMIN.authority()))) {
                scope = TenantScope.PLATFORM;
            }
        }
        try (var bound = TenantContext.bind(scope); var logged = LogContext.of(scope)) {
            chain.doFilter(request, response);
        }
    }
}
