package io.chargebase.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, with cookies and no automatic redirects, going through the authorization-code flow with
 * PKCE the way a driver app or portal sends them: authorize, sign in on the issuer's page, come back with a code.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A PKCE pair: the verifier the app keeps and the challenge it sends. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public String authorizeUrl(String issuerPath, String clientId, String redirectUri, Pkce pkce) {
        return baseUrl + issuerPath + "/oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "scope", "openid profile email api",
                "state", "state-123",
                "code_challenge", pkce.challenge(),
                "code_challenge_method", "S256"));
    }

    /** Starts at the authorization endpoint, signs in when asked, and returns where the server finally redirects. */
    public HttpResponse<String> authorizeAndSignIn(String issuerPath, String clientId, String redirectUri, Pkce pkce,
            String email, String password) {
        HttpResponse<String> response = get(authorizeUrl(issuerPath, clientId, redirectUri, pkce));
        if (response.statusCode() == 302 && location(response).endsWith("/login")) {
            HttpResponse<String> afterLogin = signIn(location(response), email, password);
            if (afterLogin.statusCode() != 302 || location(afterLogin).contains("/login")) {
                return afterLogin;
            }
            response = get(location(afterLogin));
        }
        return response;
    }

    /** The code the server sent back to the redirect URI, or an assertion error saying where it went instead. */
    public String authorizationCode(String issuerPath, String clientId, String redirectUri, Pkce pkce, String email, String password) {
        HttpResponse<String> response = authorizeAndSignIn(issuerPath, clientId, redirectUri, pkce, email, password);
        String location = response.statusCode() == 302 ? location(response) : "";
        if (!location.startsWith(redirectUri + "?")) {
            throw new AssertionError("Expected a redirect to " + redirectUri + " but got " + response.statusCode() + " " + location
                    + " " + response.body());
        }
        Map<String, String> query = query(URI.create(location).getRawQuery());
        if (!"state-123".equals(query.get("state"))) {
            throw new AssertionError("State not returned: " + location);
        }
        return query.get("code");
    }

    /**
     * Opens an authorization URL as written (a README's, say), signs in when asked and returns the query parameters
     * the server redirected to {@code redirectUri} with, or an assertion error saying where it went instead.
     */
    public Map<String, String> authorizeAt(String authorizeUrl, String redirectUri, String email, String password) {
        HttpResponse<String> response = get(authorizeUrl);
        if (response.statusCode() == 302 && location(response).endsWith("/login")) {
            HttpResponse<String> afterLogin = signIn(location(response), email, password);
            response = afterLogin.statusCode() == 302 && !location(afterLogin).contains("/login") ? get(location(afterLogin)) : afterLogin;
        }
        String location = response.statusCode() == 302 ? location(response) : "";
        if (!location.startsWith(redirectUri + "?")) {
            throw new AssertionError("Expected a redirect to " + redirectUri + " but got " + response.statusCode() + " " + location
                    + " " + response.body());
        }
        return query(URI.create(location).getRawQuery());
    }

    /** Posts a form to the token endpoint as {@code curl -d ...} does (form-encoded, no client authentication header). */
    public GraphQl.Response postForm(String url, Map<String, String> form) {
        return GraphQl.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** Loads the login page and posts the form with its CSRF token. */
    public HttpResponse<String> signIn(String loginUrl, String email, String password) {
        String url = loginUrl.startsWith("http") ? loginUrl : baseUrl + loginUrl;
        HttpResponse<String> page = get(url);
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new AssertionError("No login form at " + url + ": " + page.statusCode() + " " + page.body());
        }
        return post(url, Map.of("username", email, "password", password, "_csrf", csrf.group(1)), null);
    }

    public GraphQl.Response exchangeCode(String issuerPath, String clientId, String secret, String code, String redirectUri, Pkce pkce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", pkce.verifier());
        if (secret == null) {
            form.put("client_id", clientId);
        }
        return GraphQl.send(tokenRequest(issuerPath, form, clientId, secret));
    }

    public GraphQl.Response refresh(String issuerPath, String clientId, String secret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (secret == null) {
            form.put("client_id", clientId);
        }
        return GraphQl.send(tokenRequest(issuerPath, form, clientId, secret));
    }

    private HttpRequest tokenRequest(String issuerPath, Map<String, String> form, String clientId, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + issuerPath + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (secret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : baseUrl + url))
                .header("Accept", "text/html,application/xhtml+xml").GET().build());
    }

    public HttpResponse<String> post(String url, Map<String, String> form, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept == null ? "text/html" : accept)
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                values.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
