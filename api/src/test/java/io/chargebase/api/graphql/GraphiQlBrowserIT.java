package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.NodeClients;

/**
 * GraphiQL in a real browser (Debian's Chromium, driven by playwright-core: e2e/graphiql-browser.mjs) with no network
 * beyond the application: its assets come from /graphiql, the documentation explorer finds ChargePoint, autocompletion
 * offers {@code roles}, a query with a bearer header shows its data, and the token is not left in the browser's storage.
 */
class GraphiQlBrowserIT extends IntegrationTest {

    @Test
    void worksOfflineWithABearerHeader() {
        String token = tokenOf(aTenant());
        NodeClients.Run run = NodeClients.run("graphiql-browser.mjs",
                List.of(baseUrl(), token, NodeClients.chromium().toString()), Map.of(), 180);
        System.out.println("GraphiQL in Chromium: " + run.stdout());
        run.expectSuccess();
        JsonNode report = GraphQl.JSON.readTree(run.stdout());
        assertThat(report.path("foreignRequests")).as("requests beyond the application").isEmpty();
        assertThat(report.path("tokenStored").asBoolean()).as("bearer token in localStorage/sessionStorage").isFalse();
        assertThat(report.path("steps").toString()).contains("ChargePoint", "roles", "TENANT_ADMIN");
    }

    @Test
    void thePageAndItsAssetsAreServedByTheApplication() {
        GraphQl.Response page = tokens().get("/graphiql");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("/graphiql/graphiql.js", "/graphiql/graphiql.css").doesNotContain("https://");
        assertThat(tokens().get("/graphiql/graphiql.js").status()).isEqualTo(200);
        assertThat(tokens().get("/graphiql/graphiql.css").status()).isEqualTo(200);
    }
}
