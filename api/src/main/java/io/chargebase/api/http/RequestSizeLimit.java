package io.chargebase.api.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of a request body before anything reads it, with a 413 that says the limit. Callers who cannot
 * import (no token, or a driver's) get {@code chargebase.http.max-request-size} (1 MB, far above any document of
 * {@code ui-contracts}); staff and integrations get {@code chargebase.http.max-import-request-size} (32 MB), since
 * their CSV imports travel inside the GraphQL request. A declared length is checked at once; a chunked body is read
 * up to the limit and refused as soon as it passes it.
 */
public final class RequestSizeLimit extends OncePerRequestFilter {

    private static final String DRIVER = "ROLE_DRIVER";

    private final DataSize limit;
    private final DataSize importLimit;

    public RequestSizeLimit(DataSize limit, DataSize importLimit) {
        this.limit = limit;
        this.importLimit = importLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean importer = mayImport(SecurityContextHolder.getContext().getAuthentication());
        DataSize allowed = importer ? importLimit : limit;
        String setting = importer ? "chargebase.http.max-import-request-size" : "chargebase.http.max-request-size";
        long declared = request.getContentLengthLong();
        if (declared > allowed.toBytes()) {
            refuse(response, allowed, setting, declared + " bytes");
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readUpTo(request.getInputStream(), allowed.toBytes() + 1);
        if (body.length > allowed.toBytes()) {
            refuse(response, allowed, setting, "more than that");
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private static boolean mayImport(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().noneMatch(authority -> DRIVER.equals(authority.getAuthority()));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static byte[] readUpTo(InputStream in, long max) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max));
    }

    private static void refuse(HttpServletResponse response, DataSize allowed, String setting, String size) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"The request body has "
                + size + "; at most " + allowed.toBytes() + " bytes are accepted here (" + setting + "). Send less: split a CSV import"
                + " into several files.\"}");
    }

    /** The request with its body already read, within the limit. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
