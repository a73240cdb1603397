package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;

/** Requests refused before any document runs say what to fix, GraphQL-shaped or as application/problem+json. */
class HttpErrorsIT extends IntegrationTest {

    @Test
    void invalidJsonIs400WithAnExplanation() {
        GraphQl.Response response = send(post("/graphql", "application/json", "{\"query\": "));
        assertThat(response.status()).isEqualTo(400);
        assertThat(message(response)).contains("not a GraphQL request in JSON", "{\"query\"");
        assertThat(send(post("/graphql", "application/json", "[1, 2]")).status()).isEqualTo(400);
    }

    @Test
    void aWrongOrMissingContentTypeIs415WithAnExplanation() {
        GraphQl.Response text = send(post("/graphql", "text/plain", "{ __typename }"));
        assertThat(text.status()).isEqualTo(415);
        assertThat(message(text)).contains("text/plain", "Content-Type: application/json");
        GraphQl.Response none = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build());
        assertThat(none.status()).isEqualTo(415);
        assertThat(message(none)).contains("no Content-Type");
    }

    @Test
    void aBadTokenIs401WithAChallengeAndAnExplanation() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer not-a-token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { roles } }\"}")).build();
        var raw = sendRaw(request);
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer").contains("invalid_token");
        assertThat(message(parse(raw))).contains("bearer token was refused", "Authorization: Bearer");
    }

    @Test
    void aMissingTokenOutsideGraphQlIs401ProblemJson() {
        var raw = sendRaw(HttpRequest.newBuilder(URI.create(baseUrl() + "/no-such-thing")).GET().build());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(raw.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(parse(raw).json().path("detail").asString()).contains("needs a bearer token", "oauth2/token");
    }

    @Test
    void otherMethodsAre405WithAnExplanation() {
        for (String path : new String[] {"/graphql", aTenant().issuerPath() + "/graphql"}) {
            var put = sendRaw(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build());
            assertThat(put.statusCode()).as(path).isEqualTo(405);
            assertThat(put.headers().firstValue("Allow").orElse("")).isEqualTo("POST");
            assertThat(message(parse(put))).contains("PUT is not supported", "POST");
            var get = sendRaw(HttpRequest.newBuilder(URI.create(baseUrl() + path + "?query=%7B__typename%7D")).GET().build());
            assertThat(get.statusCode()).as(path).isEqualTo(405);
            assertThat(message(parse(get))).contains("GET is not supported", "WebSocket");
        }
    }

    private HttpRequest post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static GraphQl.Response send(HttpRequest request) {
        return parse(sendRaw(request));
    }

    private static java.net.http.HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static GraphQl.Response parse(java.net.http.HttpResponse<String> response) {
        String body = response.body().strip();
        assertThat(body).as("a body that explains the refusal").isNotEmpty();
        return new GraphQl.Response(response.statusCode(), GraphQl.JSON.readTree(body), body);
    }

    private static String message(GraphQl.Response response) {
        assertThat(response.errors()).as(response.raw()).hasSize(1);
        return response.errors().get(0).path("message").asString();
    }
}
