package io.chargebase.api.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Applies {@code Forwarded} and {@code X-Forwarded-Host/-Port/-Proto/-Prefix/-For} only to requests whose peer is a
 * trusted proxy, and removes them from every other request, so that no client chooses the host, scheme or path
 * prefix that issuer URLs and discovery documents are built from, nor the address that rate limits count.
 */
public final class ForwardedHeaders implements Filter {

    private final TrustedProxies proxies;
    private final ForwardedHeaderFilter applying = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter removing = new ForwardedHeaderFilter();

    public ForwardedHeaders(TrustedProxies proxies) {
        this.proxies = proxies;
        removing.setRemoveOnly(true);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        (proxies.isTrusted(request.getRemoteAddr()) ? applying : removing).doFilter(request, response, chain);
    }
}
