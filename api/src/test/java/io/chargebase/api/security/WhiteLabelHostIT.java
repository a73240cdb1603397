package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;

/** A tenant reached on its own host: issuer, token endpoint, sign-in page and GraphQL endpoint all answer there. */
class WhiteLabelHostIT extends IntegrationTest {

    private String withDomain(TestTenant tenant) {
        String host = "charge-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        JsonNode added = mutate(platformToken(), "platform-console/AddTenantDomain",
                Map.of("tenantId", GlobalId.encode("Tenant", tenant.tenant().id().value()), "host", host.toUpperCase()));
        assertThat(added.path("userErrors")).isEmpty();
        assertThat(added.path("tenant").path("domains").toString()).contains(host);
        return host;
    }

    @Test
    void theHostIsAnIssuerWhoseTokensActForItsTenant() throws Exception {
        TestTenant tenant = aTenant();
        String host = withDomain(tenant);
        String hostAndPort = host + ":" + port;
        JsonNode discovery = tokens().get("/.well-known/openid-configuration", hostAndPort).json();
        assertThat(discovery.path("issuer").asString()).isEqualTo("http://" + hostAndPort);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo("http://" + hostAndPort + "/oauth2/token");

        GraphQl.Response issued = tokens().request("", tenant.clientId(), tenant.secret(), hostAndPort);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        String token = issued.json().path("access_token").asString();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo("http://" + hostAndPort);

        JsonNode current = new GraphQl(baseUrl()).onHost(hostAndPort).document(token, "tenant-portal/CurrentTenant", Map.of())
                .data().path("currentTenant");
        assertThat(current.path("slug").asString()).isEqualTo(tenant.tenant().slug());
        // the same token works at the platform's own host too: it is the tenant's, whichever of its issuers signed it
        assertThat(graphQl().document(token, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfAnotherTenantIsRefusedOnThisHost() {
        TestTenant owner = aTenant();
        TestTenant other = aTenant();
        String host = withDomain(owner);
        GraphQl.Response refused = new GraphQl(baseUrl()).onHost(host + ":" + port).document(tokenOf(other), "tenant-portal/CurrentTenant", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asString()).isEqualTo("wrong_tenant");
        // and the other tenant's client cannot get a token from this host's issuer
        assertThat(tokens().request("", other.clientId(), other.secret(), host + ":" + port).status()).isEqualTo(401);
    }

    @Test
    void signInBrandingAndSignUpAnswerOnTheHost() {
        TestTenant tenant = aTenant();
        String host = withDomain(tenant);
        String page = tokens().get("/login", host + ":" + port).raw();
        assertThat(page).contains("Sign in to " + tenant.tenant().name());
        assertThat(tokens().get("/login").status()).isEqualTo(404);

        JsonNode branding = graphQl().document(null, "driver-app/Branding", Map.of("host", host)).data().path("branding");
        assertThat(branding.path("slug").asString()).isEqualTo(tenant.tenant().slug());

        JsonNode signedUp = new GraphQl(baseUrl()).onHost(host + ":" + port).document(null, "driver-app/SignUpDriver",
                Map.of("input", Map.of("email", "host-driver@example.com", "name", "Host Driver", "password", PASSWORD)))
                .payload("signUpDriver");
        assertThat(signedUp.path("userErrors")).isEmpty();
    }

    @Test
    void hostsAreValidatedAndUnique() {
        String platform = platformToken();
        TestTenant one = aTenant();
        TestTenant two = aTenant();
        String host = withDomain(one);
        for (String bad : new String[] {"https://charge.example", "charge.example:443", "localhost", "charge..example", "-x.example"}) {
            JsonNode refused = mutate(platform, "platform-console/AddTenantDomain",
                    Map.of("tenantId", GlobalId.encode("Tenant", one.tenant().id().value()), "host", bad));
            assertThat(refused.path("userErrors").get(0).path("code").asString()).as(bad).isEqualTo("INVALID");
        }
        JsonNode taken = mutate(platform, "platform-console/AddTenantDomain",
                Map.of("tenantId", GlobalId.encode("Tenant", two.tenant().id().value()), "host", host));
        assertThat(taken.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");
        JsonNode removed = mutate(platform, "platform-console/RemoveTenantDomain",
                Map.of("tenantId", GlobalId.encode("Tenant", one.tenant().id().value()), "host", host));
        assertThat(removed.path("tenant").path("domains")).isEmpty();
        assertThat(tokens().get("/.well-known/openid-configuration", host).status()).isEqualTo(404);
    }

    @Test
    void thePlatformsOwnHostCannotBecomeATenantsHost() {
        String platform = platformToken();
        TestTenant tenant = aTenant();
        String tenantId = GlobalId.encode("Tenant", tenant.tenant().id().value());
        for (String own : new String[] {"api.chargebase.test", "CONSOLE.chargebase.test"}) {
            JsonNode refused = mutate(platform, "platform-console/AddTenantDomain", Map.of("tenantId", tenantId, "host", own));
            assertThat(refused.path("userErrors").get(0).path("code").asString()).as(own).isEqualTo("INVALID");
            assertThat(refused.path("userErrors").get(0).path("message").asString()).contains("platform's own host");
        }
        // nor the host the platform admin is using right now, configured or not
        JsonNode here = new GraphQl(baseUrl()).onHost("admin.operator.example:" + port).document(platform, "platform-console/AddTenantDomain",
                Map.of("input", Map.of("tenantId", tenantId, "host", "admin.operator.example"))).payload("addTenantDomain");
        assertThat(here.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(tokens().get("/.well-known/openid-configuration", "api.chargebase.test:" + port).status()).isEqualTo(404);
    }

    @Test
    void forwardingHeadersFromAPeerThatIsNoTrustedProxyShapeNoIssuer() throws Exception {
        TestTenant tenant = aTenant();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(baseUrl() + tenant.issuerPath() + "/.well-known/openid-configuration"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/phish")
                .header("Forwarded", "host=evil.example;proto=https")
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(baseUrl() + tenant.issuerPath());
        assertThat(response.body()).doesNotContain("evil.example", "/phish", "https:");
    }
}
