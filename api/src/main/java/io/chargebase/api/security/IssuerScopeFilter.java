package io.chargebase.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.chargebase.tenancy.TenantContext;

/**
 * First filter of the authorization server: finds the issuer in the request path and makes its tenant the scope
 * in which clients, authorizations and keys are read; on a tenant's white-label host the issuer is the host itself.
 * Unknown issuers get 404, suspended tenants 403.
 */
public class IssuerScopeFilter extends OncePerRequestFilter {

    private final Issuers issuers;

    public IssuerScopeFilter(Issuers issuers) {
        this.issuers = issuers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> issuerPath = Issuers.issuerPathOf(path);
        Optional<Issuers.Issuer> issuer = issuerPath.isPresent() ? issuerPath.flatMap(issuers::resolvePath)
                : issuers.resolveHost(request.getServerName());
        if (issuer.isEmpty()) {
            ErrorResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "unknown_issuer",
                    "No issuer here: tenant issuers live at /t/{slug}, the platform issuer at /platform.");
            return;
        }
        if (issuer.get().isRefused()) {
            ErrorResponses.tenantSuspended(response, issuer.get().tenant().slug());
            return;
        }
        try (var bound = TenantContext.bind(issuer.get().scope()); var logged = LogContext.of(issuer.get().scope(), issuer.get().tenant())) {
            chain.doFilter(request, response);
        }
    }
}
