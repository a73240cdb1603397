package io.chargebase.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.chargebase.api.support.IntegrationTest;

/** Request bodies are capped before anything reads them: 1 MB for callers who cannot import, 32 MB for staff. */
class RequestSizeLimitIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> post(String token, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json").POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GraphQL request padded to {@code bytes} with a variable the query does not use (as a large CSV would be). */
    private static byte[] paddedQuery(int bytes) {
        String head = "{\"query\":\"{ me { roles } }\",\"variables\":{\"pad\":\"";
        String tail = "\"}}";
        return (head + "x".repeat(bytes - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndSaysTheLimit() throws Exception {
        byte[] large = paddedQuery(1_500_000);

        HttpResponse<String> declared = post(null, HttpRequest.BodyPublishers.ofByteArray(large));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(declared.body()).contains("at most 1048576 bytes").contains("chargebase.http.max-request-size");

        HttpResponse<String> chunked = post(null, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("chargebase.http.max-request-size");

        HttpResponse<String> small = post(null, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(paddedQuery(10_000))));
        assertThat(small.statusCode()).as(small.body()).isNotEqualTo(413);
    }

    @Test
    void staffMaySendLargerBodiesForTheirImports() throws Exception {
        String token = tokenOf(aTenant());

        HttpResponse<String> accepted = post(token, HttpRequest.BodyPublishers.ofByteArray(paddedQuery(1_500_000)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        // chunked: read up to the limit and refused there, the little that is left is swallowed by the server
        byte[] tooLarge = paddedQuery(33_700_000);
        HttpResponse<String> refused = post(token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("chargebase.http.max-import-request-size");
    }
}
