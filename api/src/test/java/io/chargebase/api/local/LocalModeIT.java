package io.chargebase.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.ChargebaseApplication;
import io.chargebase.api.database.DatabaseTarget;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.Readme;
import io.chargebase.api.support.Tokens;

/**
 * The README's run command with no configuration: an embedded PostgreSQL whose data survives a restart, the demo
 * tenants seeded once, and the published demo credentials working.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class LocalModeIT {

    @TempDir
    Path dataDirectory;

    @Test
    void startsWithDemoDataAndKeepsEverythingAcrossARestart(org.springframework.boot.test.system.CapturedOutput output) {
        String unitId;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(DatabaseTarget.class).local()).isTrue();
            String base = baseUrl(first);
            Tokens tokens = new Tokens(base);
            String demo = tokens.clientCredentials("/t/demo", "demo-integration", "demo-secret");
            String acme = tokens.clientCredentials("/t/acme", "acme-integration", "acme-secret");
            GraphQl graphQl = new GraphQl(base);

            JsonNode demoProfiles = graphQl.document(demo, "tenant-portal/Profiles", Map.of()).data().path("profiles");
            assertThat(demoProfiles.path("totalCount").asInt()).isGreaterThanOrEqualTo(3);
            JsonNode acmeTree = graphQl.document(acme, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree");
            assertThat(acmeTree.path("name").asString()).isEqualTo("Acme Mobility");
            assertThat(acmeTree.path("children")).isNotEmpty();

            JsonNode groups = graphQl.document(demo, "tenant-portal/LocationGroups", Map.of()).data().path("locationGroups");
            assertThat(groups.toString()).contains("Amsterdam AC");
            assertThat(graphQl.document(demo, "tenant-portal/BusinessPartnerGroups", Map.of()).raw()).contains("Fleet customers");
            JsonNode chargePoints = graphQl.document(demo, "tenant-portal/ChargePoints", Map.of("text", "DEMO-CP-1")).data().path("chargePoints");
            assertThat(chargePoints.path("edges").get(0).path("node").path("evses")).hasSize(2);
            JsonNode cards = graphQl.document(demo, "tenant-portal/Tokens", Map.of("filter", Map.of("text", "04A1B2C3D4E5F6"))).data().path("tokens");
            assertThat(cards.path("edges").get(0).path("node").path("owner").path("name").asString()).isEqualTo("Demo Driver");
            assertThat(first.getBean(io.chargebase.domain.tokens.TokenAuthorisations.class)
                    .authorise(tenants(first).findBySlug("demo").orElseThrow().id(), "04A1B2C3D4E5F6").decision().name()).isEqualTo("ACCEPTED");

            String root = graphQl.document(demo, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
            unitId = graphQl.document(demo, "tenant-portal/CreateOrganisationUnit",
                    Map.of("input", Map.of("parentId", root, "name", "Made before the restart")))
                    .payload("createOrganisationUnit").path("organisationUnit").path("id").asString();
            assertThat(unitId).isNotBlank();
        }

        assertThat(dataDirectory.resolve("pg").resolve("chargebase-encryption.key")).as("local mode's own key, kept with its data").exists();
        try (ConfigurableApplicationContext second = start()) {
            String base = baseUrl(second);
            Tokens tokens = new Tokens(base);
            String demo = tokens.clientCredentials("/t/demo", "demo-integration", "demo-secret");
            JsonNode unit = new GraphQl(base).document(demo, "tenant-portal/Node", Map.of("id", unitId)).data().path("node");
            assertThat(unit.path("name").asString()).isEqualTo("Made before the restart");

            // the documented demo people sign in through the demo apps
            io.chargebase.api.support.Browser browser = new io.chargebase.api.support.Browser(base);
            io.chargebase.api.support.Browser.Pkce pkce = io.chargebase.api.support.Browser.Pkce.create();
            String code = browser.authorizationCode("/t/demo", "demo-driver-app", "http://localhost:3000/callback", pkce,
                    "driver@demo.example", DemoData.USER_PASSWORD);
            // mail is printed with its code, though the outbox keeps none
            new GraphQl(base, "/t/demo/graphql").document(null, "driver-app/RequestPasswordReset",
                    Map.of("input", Map.of("email", "driver@demo.example")));
            // a line of text, or of JSON when an earlier test in this JVM set up the logging (it is set up once per JVM)
            assertThat(output.getAll()).containsPattern("password-reset code: [A-Za-z0-9_-]{32}(\\s|\\\\n|\")");
            String driverToken = browser.exchangeCode("/t/demo", "demo-driver-app", null, code, "http://localhost:3000/callback", pkce)
                    .json().path("access_token").asString();
            assertThat(new GraphQl(base).document(driverToken, "driver-app/MyProfile", Map.of()).data().path("myProfile")
                    .path("name").asString()).isEqualTo("Demo Driver");
            // the demo driver is an early adopter: DEMO-CP-1 prices them with the day/night tariff
            JsonNode price = new GraphQl(base).document(driverToken, "driver-app/EvsePrice", Map.of("evseId", "NL*DEM*E0001*1",
                    "energyKwh", "10", "durationMinutes", 60)).data().path("evsePrice");
            assertThat(price.path("description").asString()).isEqualTo("Early adopter price");
            assertThat(price.path("text").asString()).contains("0.3025 EUR/kWh (07:00–23:00)", "0.2178 EUR/kWh (23:00–07:00)");
            io.chargebase.api.support.Browser portal = new io.chargebase.api.support.Browser(base);
            io.chargebase.api.support.Browser.Pkce portalPkce = io.chargebase.api.support.Browser.Pkce.create();
            String portalCode = portal.authorizationCode("/t/acme", "acme-portal", "http://localhost:3001/callback", portalPkce,
                    "ou-admin@acme.example", DemoData.USER_PASSWORD);
            assertThat(portal.exchangeCode("/t/acme", "acme-portal", "acme-portal-secret", portalCode, "http://localhost:3001/callback",
                    portalPkce).status()).isEqualTo(200);

            // the README's own interactive example, as written there
            Readme readme = Readme.load();
            Map<String, String> redirect = new io.chargebase.api.support.Browser(base).authorizeAt(Readme.at(readme.authorizeUrl(), base),
                    readme.authorizeParameters().get("redirect_uri"), "driver@demo.example", DemoData.USER_PASSWORD);
            Readme.CodeExchange exchange = readme.codeExchange();
            Map<String, String> form = new java.util.LinkedHashMap<>(exchange.form());
            form.put("code", redirect.get("code"));
            GraphQl.Response readmeTokens = browser.postForm(Readme.at(exchange.url(), base), form);
            assertThat(readmeTokens.status()).as(readmeTokens.raw()).isEqualTo(200);
            assertThat(new GraphQl(base).document(readmeTokens.json().path("access_token").asString(), "driver-app/MyProfile", Map.of())
                    .data().path("myProfile").path("name").asString()).isEqualTo("Demo Driver");

            String platform = tokens.clientCredentials("/platform", DemoData.PLATFORM_CLIENT, DemoData.PLATFORM_SECRET);
            JsonNode tenants = new GraphQl(base).document(platform, "platform-console/Tenants", Map.of()).data().path("tenants").path("edges");
            List<String> slugs = new ArrayList<>();
            tenants.forEach(edge -> slugs.add(edge.path("node").path("slug").asString()));
            assertThat(slugs).containsExactly("acme", "demo");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ChargebaseApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "chargebase.database.local-data-directory", dataDirectory.resolve("pg").toString()))
                // as arguments: a default property loses to application.yml's 8080, which may be taken, and to the tests'
                // fixed encryption key, where local mode is to make and keep its own
                .run("--server.port=0", "--management.server.port=0", "--chargebase.security.signing-key-encryption-key=");
    }

    private static io.chargebase.tenancy.Tenants tenants(ConfigurableApplicationContext context) {
        return context.getBean(io.chargebase.tenancy.Tenants.class);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
