package io.chargebase.domain.operations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * The addresses chargers fetch firmware from (UpdateFirmware) and upload diagnostics to (GetDiagnostics): absolute
 * ftp, ftps, http or https URLs with a host, at most {@value #MAX_LENGTH} characters. Such an address often carries the
 * server's user name and password; {@link #withoutCredentials} is what people who may not use them are shown, and
 * {@link #under} lets a narrowed caller name a place below an approved address without ever knowing its password.
 */
public final class FileLocations {

    public static final int MAX_LENGTH = 512;
    private static final Set<String> SCHEMES = Set.of("ftp", "ftps", "http", "https");

    private FileLocations() {
    }

    /** The location as given, or a refusal naming {@code field}. */
    public static String validated(String field, String location) {
        if (location == null || location.isBlank()) {
            throw new DomainException(ErrorCode.REQUIRED, field, "A location is required.");
        }
        if (location.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.TOO_LONG, field, "At most " + MAX_LENGTH + " characters are allowed.");
        }
        URI uri = parse(location).orElseThrow(() -> invalid(field, location));
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null
                || location.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw invalid(field, location);
        }
        return location;
    }

    /** The location with its user name and password taken out; text that is no URL comes back as it is. */
    public static String withoutCredentials(String location) {
        Optional<URI> uri = parse(location);
        if (uri.isEmpty() || uri.get().getRawUserInfo() == null || uri.get().getHost() == null) {
            return location;
        }
        URI u = uri.get();
        return u.getScheme() + "://" + hostAndPort(u) + rawOrEmpty(u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
                + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
    }

    /**
     * The address to send when a narrowed caller asks for {@code requested}: an approved location shown without its
     * credentials, or a path below one (no query, no {@code ..}), with the approved location's credentials put back.
     * Empty when {@code requested} lies under none of them or carries credentials of its own.
     */
    public static Optional<String> under(String requested, List<String> approved) {
        Optional<URI> asked = parse(requested).map(URI::normalize);
        if (asked.isEmpty() || asked.get().getHost() == null || asked.get().getRawUserInfo() != null) {
            return Optional.empty();
        }
        URI r = asked.get();
        for (String location : approved) {
            if (withoutCredentials(location).equals(requested)) {
                return Optional.of(location);
            }
            Optional<URI> candidate = parse(location);
            if (candidate.isEmpty() || candidate.get().getHost() == null || r.getRawQuery() != null || r.getRawFragment() != null) {
                continue;
            }
            URI a = candidate.get();
            String base = rawOrEmpty(a.getRawPath());
            String folder = base.endsWith("/") ? base : base + "/";
            String path = rawOrEmpty(r.getRawPath());
            boolean sameServer = a.getScheme().equalsIgnoreCase(r.getScheme()) && a.getHost().equalsIgnoreCase(r.getHost())
                    && a.getPort() == r.getPort();
            if (sameServer && !path.contains("/../") && !path.endsWith("/..") && (path.equals(base) || path.startsWith(folder))) {
                String credentials = a.getRawUserInfo() == null ? "" : a.getRawUserInfo() + "@";
                return Optional.of(a.getScheme() + "://" + credentials + hostAndPort(a) + path);
            }
        }
        return Optional.empty();
    }

    private static Optional<URI> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String rawOrEmpty(String text) {
        return text == null ? "" : text;
    }

    private static DomainException invalid(String field, String location) {
        return new DomainException(ErrorCode.INVALID, field,
                "'" + location + "' is not an absolute ftp://, ftps://, http:// or https:// address with a host.");
    }
}
