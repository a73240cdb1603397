package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;

/** Platform admins create, list, suspend and reactivate tenants; a suspended tenant is refused everywhere. */
class TenantLifecycleIT extends IntegrationTest {

    @Test
    void aPlatformAdminCreatesATenantThatIsAtOnceAnIssuerWithARootUnit() {
        String platform = platformToken();
        String slug = "new-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = mutate(platform, "platform-console/CreateTenant",
                Map.of("slug", slug, "name", "New Mobility", "currency", "EUR", "timeZone", "Europe/Berlin"));
        assertThat(created.path("userErrors")).isEmpty();
        assertThat(created.path("tenant").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(tokens().get("/t/" + slug + "/oauth2/jwks").json().path("keys")).hasSize(1);

        JsonNode listed = graphQl().document(platform, "platform-console/Tenants", Map.of("first", 100)).data().path("tenants");
        assertThat(listed.toString()).contains(slug);
    }

    @Test
    void badTenantInputIsATypedUserError() {
        String platform = platformToken();
        Map<String, String> good = Map.of("slug", "ok-" + UUID.randomUUID().toString().substring(0, 8), "name", "Ok",
                "currency", "EUR", "timeZone", "Europe/Paris");
        assertThat(code(mutate(platform, "platform-console/CreateTenant", with(good, "slug", "Not A Slug")))).isEqualTo("INVALID_SLUG");
        assertThat(code(mutate(platform, "platform-console/CreateTenant", with(good, "currency", "EURO")))).isEqualTo("INVALID_CURRENCY");
        assertThat(code(mutate(platform, "platform-console/CreateTenant", with(good, "currency", "XYZ")))).isEqualTo("INVALID_CURRENCY");
        assertThat(code(mutate(platform, "platform-console/CreateTenant", with(good, "timeZone", "Mars/Olympus")))).isEqualTo("INVALID_TIME_ZONE");
        assertThat(code(mutate(platform, "platform-console/CreateTenant", with(good, "name", " ")))).isEqualTo("INVALID");
        TestTenant existing = aTenant();
        assertThat(code(mutate(platform, "platform-console/CreateTenant", with(good, "slug", existing.tenant().slug())))).isEqualTo("DUPLICATE");
        assertThat(tenants.findBySlug(good.get("slug"))).isEmpty();
    }

    @Test
    void aSuspendedTenantIsRefusedUntilReactivated() {
        TestTenant tenant = aTenant();
        String token = tokenOf(tenant);
        String platform = platformToken();
        String tenantId = GlobalId.encode("Tenant", tenant.tenant().id().value());

        JsonNode suspended = mutate(platform, "platform-console/SuspendTenant", Map.of("tenantId", tenantId, "reason", "Unpaid invoices"));
        assertThat(suspended.path("tenant").path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("tenant").path("suspendedReason").asString()).isEqualTo("Unpaid invoices");

        GraphQl.Response api = graphQl().document(token, "tenant-portal/CurrentTenant", Map.of());
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().path("error").asString()).isEqualTo("tenant_suspended");
        GraphQl.Response tokenRequest = tokens().request(tenant.issuerPath(), tenant.clientId(), tenant.secret());
        assertThat(tokenRequest.status()).isEqualTo(403);
        assertThat(tokenRequest.json().path("error").asString()).isEqualTo("tenant_suspended");

        JsonNode reactivated = mutate(platform, "platform-console/ReactivateTenant", Map.of("tenantId", tenantId));
        assertThat(reactivated.path("tenant").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(graphQl().document(token, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void suspendingAnUnknownTenantIsNotFound() {
        JsonNode payload = mutate(platformToken(), "platform-console/SuspendTenant",
                Map.of("tenantId", GlobalId.encode("Tenant", UUID.randomUUID())));
        assertThat(code(payload)).isEqualTo("NOT_FOUND");
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0).path("code").asString();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
