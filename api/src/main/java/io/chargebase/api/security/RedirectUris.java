package io.chargebase.api.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * Which redirect URIs a client may register (OAuth 2.0 Security BCP, RFC 8252): exact absolute URIs without
 * fragments or wildcards; https anywhere; plain http only to the loopback interface; and, for apps, a private-use
 * scheme in reverse-domain form such as {@code com.example.app:/callback}.
 */
final class RedirectUris {

    static final int MAX_URIS = 20;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private RedirectUris() {
    }

    static List<String> validate(String field, List<String> uris, boolean publicClient) {
        if (uris == null || uris.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, field, "At least one redirect URI is required.");
        }
        if (uris.size() > MAX_URIS) {
            throw new DomainException(ErrorCode.INVALID, field, "At most " + MAX_URIS + " redirect URIs.");
        }
        return uris.stream().map(uri -> validate(field, uri, publicClient)).distinct().toList();
    }

    private static String validate(String field, String raw, boolean publicClient) {
        String value = raw == null ? "" : raw.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(field, raw, "it is not a URI");
        }
        if (value.length() > 500 || value.contains("*")) {
            throw invalid(field, raw, "wildcards and URIs over 500 characters are not allowed");
        }
        if (!uri.isAbsolute() || uri.getFragment() != null) {
            throw invalid(field, raw, "it must be absolute and have no fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
                if (uri.getHost() == null) {
                    throw invalid(field, raw, "it names no host");
                }
            }
            case "http" -> {
                if (uri.getHost() == null || !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                    throw invalid(field, raw, "plain http is allowed only to localhost");
                }
            }
            default -> {
                if (!publicClient || !scheme.contains(".")) {
                    throw invalid(field, raw, "use https, http to localhost, or for an app a reverse-domain scheme like com.example.app");
                }
            }
        }
        return value;
    }

    private static DomainException invalid(String field, String uri, String why) {
        return new DomainException(ErrorCode.INVALID, field, "'" + uri + "' cannot be a redirect URI: " + why + ".");
    }
}
