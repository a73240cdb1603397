package io.chargebase.api.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.security.Role;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.NodeClients;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 4, with the real graphql-ws client ({@code e2e/graphql-ws-revocation.mjs}): a socket signed in at
 * {@code connection_init} stops working when its token expires, its user is disabled or signs out everywhere, its
 * client is removed or its tenant suspended. The query and the mutation sent right after the revocation are refused
 * and the server closes the socket with graphql-ws's 4401 (sign in again) or 4403 (forbidden).
 */
class GraphQlSocketRevocationIT extends IntegrationTest {

    private static final int UNAUTHORIZED = 4401;
    private static final int FORBIDDEN = 4403;

    @Autowired
    RegisteredClientRepository clientRepository;

    @Test
    void aDisabledUsersSocketIsClosed() {
        TestTenant tenant = aTenant();
        User analyst = aUser(tenant, UserRole.ANALYST, null, null);
        JsonNode report = client(accessTokenOf(tenant, analyst), tokenOf(tenant), "tenant-portal/DisableUser",
                Map.of("input", Map.of("userId", GlobalId.encode("User", analyst.id()))));
        assertRefusedAndClosed(report, FORBIDDEN);
    }

    @Test
    void aSocketOfARemovedClientIsClosed() {
        TestTenant tenant = aTenant();
        User analyst = aUser(tenant, UserRole.ANALYST, null, null);
        // signed in through the portal client, which the admin then removes
        JsonNode report = client(accessTokenOf(tenant, analyst), tokenOf(tenant), "tenant-portal/RemoveClient",
                Map.of("input", Map.of("clientId", PORTAL)));
        assertRefusedAndClosed(report, FORBIDDEN);
    }

    @Test
    void aSuspendedTenantsSocketIsClosed() {
        TestTenant tenant = aTenant();
        User analyst = aUser(tenant, UserRole.ANALYST, null, null);
        JsonNode report = client(accessTokenOf(tenant, analyst), platformToken(), "platform-console/SuspendTenant",
                Map.of("input", Map.of("tenantId", GlobalId.encode("Tenant", tenant.tenant().id().value()), "reason", "Unpaid invoices")));
        assertRefusedAndClosed(report, FORBIDDEN);
    }

    @Test
    void signingOutEverywhereClosesTheUsersSockets() {
        TestTenant tenant = aTenant();
        User admin = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        String token = accessTokenOf(tenant, admin);
        JsonNode report = client(token, accessTokenOf(tenant, admin), "driver-app/SignOutEverywhere", Map.of());
        assertRefusedAndClosed(report, UNAUTHORIZED);
    }

    @Test
    void aSocketClosesWhenItsTokenExpires() {
        TestTenant tenant = aTenant();
        String secret = "short-lived-secret";
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            RegisteredClient registered = clients.registerIntegration("short-lived", secret, "Short-lived", Set.of(Role.ANALYST));
            clientRepository.save(RegisteredClient.from(registered)
                    .tokenSettings(TokenSettings.withSettings(registered.getTokenSettings().getSettings())
                            .accessTokenTimeToLive(Duration.ofSeconds(3)).build())
                    .build());
        });
        String token = tokens().clientCredentials(tenant.issuerPath(), "short-lived", secret);
        JsonNode claims = GraphQl.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("a token of three seconds").isEqualTo(3);

        JsonNode report = client(token, null, null, Map.of());

        assertThat(report.path("before").path("data").path("me").path("roles").toString()).as(report.toString()).contains("ANALYST");
        assertThat(report.path("closedAt").asInt()).as("closed at expiry: " + report).isEqualTo(UNAUTHORIZED);
        assertRefused(report.path("afterQuery"), report);
        assertRefused(report.path("afterMutation"), report);
    }

    private JsonNode client(String token, String revokeToken, String revokeDocument, Map<String, ?> variables) {
        Map<String, String> environment = new HashMap<>();
        environment.put("WS_URL", baseUrl().replaceFirst("^http", "ws") + "/graphql");
        environment.put("TOKEN", token);
        environment.put("QUERY", GraphQl.load("tenant-portal/Me"));
        environment.put("MUTATION", GraphQl.load("driver-app/SignOutEverywhere"));
        environment.put("WAIT_MS", "15000");
        if (revokeDocument != null) {
            environment.put("REVOKE_URL", baseUrl() + "/graphql");
            environment.put("REVOKE_TOKEN", revokeToken);
            environment.put("REVOKE_QUERY", GraphQl.load(revokeDocument));
            environment.put("REVOKE_VARIABLES", GraphQl.JSON.writeValueAsString(variables));
        }
        NodeClients.Run run = NodeClients.run("graphql-ws-revocation.mjs", List.of(), environment, 60).expectSuccess();
        return GraphQl.JSON.readTree(run.stdout());
    }

    private static void assertRefusedAndClosed(JsonNode report, int code) {
        assertThat(report.path("before").path("data").path("me").path("roles").isArray()).as("before the revocation: " + report).isTrue();
        assertThat(report.path("revoked").path("status").asInt()).as(report.toString()).isEqualTo(200);
        assertThat(report.path("revoked").path("body").path("errors").isMissingNode()).as(report.toString()).isTrue();
        assertRefused(report.path("afterQuery"), report);
        assertRefused(report.path("afterMutation"), report);
        assertThat(report.path("firstClose").asInt()).as("the server closed the socket: " + report).isEqualTo(code);
    }

    private static void assertRefused(JsonNode outcome, JsonNode report) {
        assertThat(outcome.has("error")).as("refused: " + report).isTrue();
        assertThat(outcome.has("data")).as("no data: " + report).isFalse();
    }
}
