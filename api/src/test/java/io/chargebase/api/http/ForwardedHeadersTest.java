package io.chargebase.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ForwardedHeadersTest {

    private final ForwardedHeaders filter = new ForwardedHeaders(new TrustedProxies(List.of("10.0.0.0/8", "::1")));

    private HttpServletRequest forwardedFor(String peer, String... forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/t/acme/graphql");
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));
        return passed.get();
    }

    @Test
    void theClientIsTheFirstAddressFromTheRightThatNoTrustedProxyWrote() throws Exception {
        // what a client writes itself stays on the left of what our proxies append
        assertThat(forwardedFor("10.1.2.3", "198.51.100.1, 203.0.113.9").getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(forwardedFor("10.1.2.3", "198.51.100.1", "203.0.113.9, 10.0.0.7").getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(forwardedFor("10.1.2.3", "10.0.0.8, 10.0.0.7").getRemoteAddr()).isEqualTo("10.0.0.8");
        assertThat(forwardedFor("10.1.2.3", "[2001:db8::1]:4711").getRemoteAddr()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(forwardedFor("10.1.2.3").getRemoteAddr()).isEqualTo("10.1.2.3");
        assertThat(forwardedFor("192.0.2.50", "203.0.113.9").getRemoteAddr()).isEqualTo("192.0.2.50");
    }

    @Test
    void aValueThatIsNoAddressEndsTheWalkAndNeverReachesANameLookup() throws Exception {
        HttpServletRequest request = forwardedFor("10.1.2.3", "203.0.113.9, not-an-address");

        assertThat(request.getRemoteAddr()).isEqualTo("10.1.2.3");
        assertThat(request.getRemoteHost()).isEqualTo("10.1.2.3");
        // what Spring's handlers (GraphQL, the OCPP handshake) read the client from
        assertThat(new ServletServerHttpRequest(request).getRemoteAddress().getAddress()).isNotNull();
        assertThat(forwardedFor("10.1.2.3", "999.1.1.1").getRemoteAddr()).isEqualTo("10.1.2.3");
        assertThat(forwardedFor("10.1.2.3", "example.com, 10.0.0.9").getRemoteAddr()).isEqualTo("10.0.0.9");
    }

    private HttpServletRequest seen(String peer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/t/acme/.well-known/openid-configuration");
        request.setRemoteAddr(peer);
        request.setServerName("chargebase.internal");
        request.addHeader("X-Forwarded-Host", "charge.example");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Prefix", "/api");
        request.addHeader("X-Forwarded-For", "203.0.113.9");
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));
        return passed.get();
    }

    @Test
    void aTrustedProxyChoosesHostSchemePrefixAndClientAddress() throws Exception {
        HttpServletRequest request = seen("10.1.2.3");

        assertThat(request.getServerName()).isEqualTo("charge.example");
        assertThat(request.getScheme()).isEqualTo("https");
        assertThat(request.getRequestURI()).isEqualTo("/api/t/acme/.well-known/openid-configuration");
        assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.9");
    }

    @Test
    void anyoneElsesForwardingHeadersAreRemoved() throws Exception {
        HttpServletRequest request = seen("192.0.2.50");

        assertThat(request.getServerName()).isEqualTo("chargebase.internal");
        assertThat(request.getScheme()).isEqualTo("http");
        assertThat(request.getRequestURI()).isEqualTo("/t/acme/.well-known/openid-configuration");
        assertThat(request.getRemoteAddr()).isEqualTo("192.0.2.50");
        assertThat(request.getHeader("X-Forwarded-Host")).isNull();
        assertThat(request.getHeader("X-Forwarded-For")).isNull();
    }

    @Test
    void aBadRangeIsAClearStartUpError() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example")))
                .hasMessageContaining("chargebase.http.trusted-proxies").hasMessageContaining("proxy.example");
        assertThat(new TrustedProxies(List.of()).isTrusted("127.0.0.1")).isFalse();
        assertThat(new TrustedProxies(List.of("::1")).isTrusted("0:0:0:0:0:0:0:1")).isTrue();
    }
}
