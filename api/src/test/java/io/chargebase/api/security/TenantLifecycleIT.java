package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Platform admins create, list, suspend and reactivate tenants; a suspended tenant is refused everywhere. */
class TenantLifecycleIT extends IntegrationTest {

    @Autowired
    KnownTenants knownTenants;

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

    /**
     * A request's tenant is remembered, so that a request costs no lookup of it; a suspension committed elsewhere (here:
     * past this instance's API, as another instance would) is refused as soon as its announcement arrives, well before
     * what was remembered would have expired ({@code chargebase.security.revocation-cache}, 5 s).
     */
    @Test
    void theRequestsTenantIsRememberedUntilItsStatusChangesAnywhere() {
        TestTenant tenant = aTenant();
        String token = tokenOf(tenant);
        assertThat(graphQl().document(token, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(200);
        long remembering = StatementCounter.steady(() -> graphQl().query(token, "{ __typename }", Map.of())).statements();
        knownTenants.forget();
        long lookingUp = StatementCounter.measure(() -> graphQl().query(token, "{ __typename }", Map.of())).statements();
        assertThat(lookingUp).as("the tenant's lookup, once forgotten").isGreaterThanOrEqualTo(remembering + 1);
        assertThat(StatementCounter.steady(() -> graphQl().query(token, "{ __typename }", Map.of())).statements())
                .as("and remembered again").isEqualTo(remembering);

        long remembered = System.nanoTime();
        TenantContext.runAs(TenantScope.PLATFORM, () -> tenants.suspend(tenant.tenant().id(), "elsewhere"));
        await().atMost(3, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> graphQl().query(token, "{ __typename }", Map.of()).status() == 403);
        assertThat(Duration.ofNanos(System.nanoTime() - remembered)).isLessThan(Duration.ofSeconds(5));
        TenantContext.runAs(TenantScope.PLATFORM, () -> tenants.reactivate(tenant.tenant().id()));
        await().atMost(3, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> graphQl().query(token, "{ __typename }", Map.of()).status() == 200);
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
