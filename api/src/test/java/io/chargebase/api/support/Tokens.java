package io.chargebase.api.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Gets access tokens from the server's token endpoints over HTTP, as an integration would. */
public final class Tokens {

    private final String baseUrl;

    public Tokens(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String clientCredentials(String issuerPath, String clientId, String secret) {
        GraphQl.Response response = request(issuerPath, clientId, secret);
        if (response.status() != 200) {
            throw new AssertionError("Token request to " + issuerPath + " failed: " + response.status() + " " + response.raw());
        }
        return response.json().path("access_token").asString();
    }

    public GraphQl.Response request(String issuerPath, String clientId, String secret) {
        return request(issuerPath, clientId, secret, null);
    }

    /** A client-credentials request, optionally sent to a white-label host (its issuer path is then empty). */
    public GraphQl.Response request(String issuerPath, String clientId, String secret, String host) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + issuerPath + "/oauth2/token"));
        if (host != null) {
            request.header("Host", host);
        }
        return GraphQl.send(request
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
    }

    public GraphQl.Response get(String path) {
        return get(path, null);
    }

    public GraphQl.Response get(String path, String host) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (host != null) {
            request.header("Host", host);
        }
        return GraphQl.send(request.build());
    }
}
