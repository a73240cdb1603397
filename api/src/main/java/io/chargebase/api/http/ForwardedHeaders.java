package io.chargebase.api.http;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.web.filter.ForwardedHeaderFilter;

import io.chargebase.api.throttle.AddressKey;

/**
 * Applies {@code Forwarded} and {@code X-Forwarded-Host/-Port/-Proto/-Prefix} only to requests whose peer is a
 * trusted proxy, and removes them from every other request, so that no client chooses the host, scheme or path
 * prefix that issuer URLs and discovery documents are built from.
 *
 * <p>The client address (what rate limits count) is read from {@code X-Forwarded-For} from the right: each trusted
 * proxy appends the address it was connected from, so the first address from the right that is not a trusted proxy
 * is the client, and everything left of it was written by the client and proves nothing. A value that is not an IP
 * literal ends the walk at the last hop that could be believed.
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
        HttpServletRequest http = (HttpServletRequest) request;
        String peer = request.getRemoteAddr();
        boolean trusted = proxies.isTrusted(peer);
        String client = trusted ? clientAddress(peer, http) : peer;
        (trusted ? applying : removing).doFilter(request, response,
                (forwarded, out) -> chain.doFilter(new ClientAddress((HttpServletRequest) forwarded, client, client.equals(peer)), out));
    }

    private String clientAddress(String peer, HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && proxies.isTrusted(client); i--) {
            Optional<InetAddress> hop = AddressKey.literal(unbracketed(hops.get(i)));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
        }
        return client;
    }

    /** {@code [2001:db8::1]:443} and {@code 192.0.2.1:443} as some proxies write them, without brackets and port. */
    private static String unbracketed(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static final class ClientAddress extends HttpServletRequestWrapper {

        private final String address;
        private final boolean peer;

        ClientAddress(HttpServletRequest request, String address, boolean peer) {
            super(request);
            this.address = address;
            this.peer = peer;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        /** The address, never a name: Spring builds its remote socket address from this, and must not look it up. */
        @Override
        public String getRemoteHost() {
            return address;
        }

        @Override
        public int getRemotePort() {
            return peer ? super.getRemotePort() : 0;
        }
    }
}
