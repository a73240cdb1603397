package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.NodeClients;

/**
 * The GraphQL-over-HTTP audit of the npm package {@code graphql-http} ({@code serverAudits}), run by its own code
 * against the running application, on the platform endpoint and on a tenant's endpoint: every MUST and every SHOULD
 * passes. The audit runs as an integration of the tenant (its bearer token on every request): one MUST reads the schema
 * with {@code __type}, which anonymous callers may do only where {@code chargebase.graphql.introspection.anonymous} is
 * on. Before issue 11 the audit passed 6 of 13 MUST and 20 of 23 SHOULD.
 */
class GraphQlHttpAuditIT extends IntegrationTest {

    @Test
    void platformEndpointPassesEveryMustAndShould() {
        assertPasses(baseUrl() + "/graphql", tokenOf(aTenant()));
    }

    @Test
    void tenantEndpointPassesEveryMustAndShould() {
        TestTenant tenant = aTenant();
        assertPasses(baseUrl() + tenant.issuerPath() + "/graphql", tokenOf(tenant));
    }

    private static void assertPasses(String url, String token) {
        NodeClients.Run run = NodeClients.run("graphql-http-audit.mjs", List.of(url, token), Map.of(), 120).expectSuccess();
        JsonNode report = GraphQl.JSON.readTree(run.stdout());
        List<String> failed = new ArrayList<>();
        report.path("results").forEach(result -> {
            String name = result.path("name").asString();
            if ((name.startsWith("MUST ") || name.startsWith("SHOULD ")) && !"ok".equals(result.path("status").asString())) {
                failed.add(result.path("id").asString() + " " + name + ": " + result.path("reason").asString());
            }
        });
        System.out.println("graphql-http audit of " + url + ": MUST " + report.path("must") + ", SHOULD " + report.path("should")
                + ", MAY " + report.path("may"));
        assertThat(failed).as("failed audits").isEmpty();
    }
}
