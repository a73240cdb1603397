package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.Browser;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;

/** Tenant admins register and remove their issuer's clients through GraphQL. */
class ClientManagementIT extends IntegrationTest {

    @Test
    void anIntegrationGetsItsSecretOnceAndActsWithItsRoles() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        JsonNode registered = mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "reporting", "name", "Reporting",
                "kind", "INTEGRATION", "roles", List.of("ANALYST")));
        assertThat(registered.path("userErrors")).isEmpty();
        String secret = registered.path("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(registered.path("client").path("roles").toString()).isEqualTo("[\"ANALYST\"]");

        String token = tokens().clientCredentials(tenant.issuerPath(), "reporting", secret);
        assertThat(graphQl().document(token, "tenant-portal/Profiles", Map.of()).errorTypes()).isEmpty();
        assertThat(graphQl().document(token, "tenant-portal/CreateOrganisationUnit",
                Map.of("input", Map.of("parentId", "x", "name", "x"))).errorTypes()).containsExactly("FORBIDDEN");

        JsonNode listed = graphQl().document(admin, "tenant-portal/Clients", Map.of()).data().path("clients");
        assertThat(listed.toString()).contains("reporting").doesNotContain(secret);
    }

    @Test
    void redirectUrisAreValidatedByKind() {
        String admin = tokenOf(aTenant());
        Map<String, List<String>> refused = Map.of(
                "PORTAL", List.of("http://portal.example/cb"),
                "DRIVER_APP", List.of("https://app.example/*"));
        refused.forEach((kind, uris) -> assertThat(code(mutate(admin, "tenant-portal/RegisterClient",
                Map.of("clientId", "c-" + kind.toLowerCase(), "name", "x", "kind", kind, "redirectUris", uris)))).as(kind).isEqualTo("INVALID"));
        assertThat(code(mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "frag", "name", "x", "kind", "PORTAL",
                "redirectUris", List.of("https://portal.example/cb#x"))))).isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "scheme", "name", "x", "kind", "PORTAL",
                "redirectUris", List.of("com.example.app:/cb"))))).as("a private-use scheme is for apps only").isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "none", "name", "x", "kind", "DRIVER_APP")))).isEqualTo("REQUIRED");
        assertThat(code(mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "x", "name", "x", "kind", "INTEGRATION",
                "roles", List.of("ANALYST"))))).as("client id too short").isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "too-mighty", "name", "x", "kind", "INTEGRATION",
                "roles", List.of("PLATFORM_ADMIN"))))).isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", DRIVER_APP, "name", "x", "kind", "DRIVER_APP",
                "redirectUris", List.of("com.example.app:/cb"))))).isEqualTo("DUPLICATE");

        JsonNode app = mutate(admin, "tenant-portal/RegisterClient", Map.of("clientId", "phone-app", "name", "Phone app",
                "kind", "DRIVER_APP", "redirectUris", List.of("com.example.app:/cb", "http://127.0.0.1:8765/cb")));
        assertThat(app.path("userErrors")).isEmpty();
        assertThat(app.path("clientSecret").isNull()).as("a public client has no secret").isTrue();
    }

    @Test
    void removingAClientRevokesWhatItWasIssued() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        var user = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        String refresh = signIn(tenant, user).path("refresh_token").asString();
        JsonNode removed = mutate(admin, "tenant-portal/RemoveClient", Map.of("clientId", PORTAL));
        assertThat(removed.path("removedClientId").asString()).isEqualTo(PORTAL);
        GraphQl.Response refused = new Browser(baseUrl()).refresh(tenant.issuerPath(), PORTAL, PORTAL_SECRET, refresh);
        assertThat(refused.status()).isIn(400, 401);
        assertThat(code(mutate(admin, "tenant-portal/RemoveClient", Map.of("clientId", PORTAL)))).isEqualTo("NOT_FOUND");
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }
}
