package io.chargebase.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running server the way a client does: real HTTP, bearer tokens, and the operation documents of
 * {@code ui-contracts} by name (e.g. {@code tenant-portal/CreateProfile}).
 */
public final class GraphQl {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String endpoint;
    private String host;

    public GraphQl(String baseUrl) {
        this(baseUrl, "/graphql");
    }

    /** A client of another endpoint, e.g. a tenant's own {@code /t/{slug}/graphql}. */
    public GraphQl(String baseUrl, String endpoint) {
        this.baseUrl = baseUrl;
        this.endpoint = endpoint;
    }

    /** Sends every request with this Host header, as a browser on a tenant's white-label domain would. */
    public GraphQl onHost(String host) {
        this.host = host;
        return this;
    }

    /** Runs a document of ui-contracts, sent with its trusted-document hash as the driver app sends it. */
    public Response document(String token, String name, Map<String, ?> variables) {
        String text = load(name);
        return send(token, text, persistedQuery(text), variables);
    }

    /** Runs a document of ui-contracts sent by its hash alone (no query text). */
    public Response documentByHash(String token, String name, Map<String, ?> variables) {
        return send(token, null, persistedQuery(load(name)), variables);
    }

    /** Runs an ad-hoc query text. */
    public Response query(String token, String query, Map<String, ?> variables) {
        return send(token, query, null, variables);
    }

    /** The {@code extensions} naming a document by the SHA-256 of its text (Apollo's persisted-query extension). */
    public static Map<String, Object> persistedQuery(String text) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(text)));
    }

    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a GraphQL request with any of query text and extensions. */
    public Response send(String token, String query, Map<String, Object> extensions, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        body.put("variables", variables == null ? Map.of() : variables);
        if (extensions != null) {
            body.put("extensions", extensions);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (host != null) {
            request.header("Host", host);
        }
        StatementCounter.tag().ifPresent(tag -> request.header(StatementCounter.HEADER, tag));
        return send(request.build());
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body().strip();
            JsonNode json = body.startsWith("{") || body.startsWith("[") ? JSON.readTree(body) : JSON.missingNode();
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String load(String name) {
        try (InputStream in = GraphQl.class.getResourceAsStream("/ui-contracts/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No ui-contracts document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer with its JSON body. */
    public record Response(int status, JsonNode json, String raw) {

        public JsonNode data() {
            return json.path("data");
        }

        public JsonNode errors() {
            return json.path("errors");
        }

        /** The classifications of the GraphQL errors, e.g. FORBIDDEN. */
        public java.util.List<String> errorTypes() {
            java.util.List<String> types = new java.util.ArrayList<>();
            errors().forEach(error -> types.add(error.path("extensions").path("classification").asString()));
            return types;
        }

        /** The payload of a mutation, asserting it answered without GraphQL errors. */
        public JsonNode payload(String mutation) {
            if (!errors().isMissingNode() && !errors().isEmpty()) {
                throw new AssertionError("GraphQL errors: " + raw);
            }
            return data().path(mutation);
        }
    }
}
