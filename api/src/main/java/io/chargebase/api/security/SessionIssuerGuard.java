package io.chargebase.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * A browser session signed in at one issuer counts as anonymous at every other: someone signed in to tenant A's
 * portal is sent to tenant B's login page, never into tenant B's authorization endpoint as themselves.
 */
class SessionIssuerGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !(authentication instanceof OAuth2ClientAuthenticationToken)
                && !(authentication instanceof JwtAuthenticationToken)) {
            TenantScope issuer = TenantContext.current() instanceof TenantScope.OfTenant tenant ? tenant.whole() : TenantContext.current();
            boolean sameIssuer = Principals.parse(authentication.getName())
                    .map(person -> person.issuer().equals(issuer))
                    .orElse(false);
            if (!sameIssuer) {
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
