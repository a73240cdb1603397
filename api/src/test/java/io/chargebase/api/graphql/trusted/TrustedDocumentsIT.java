package io.chargebase.api.graphql.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;

/**
 * The driver app (a public client) runs the documents of ui-contracts, by hash, and nothing else; staff and
 * integrations send any document; the manifest is served.
 */
class TrustedDocumentsIT extends IntegrationTest {

    @Test
    void theManifestListsEveryUiContractsDocumentByItsSha256() {
        GraphQl.Response response = tokens().get("/graphql/trusted-documents");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("format").asString()).isEqualTo("apollo-persisted-query-manifest");
        String driverMe = GraphQl.load("driver-app/DriverMe");
        JsonNode entry = null;
        for (JsonNode operation : response.json().path("operations")) {
            if (operation.path("id").asString().equals(GraphQl.sha256(driverMe))) {
                entry = operation;
            }
        }
        assertThat(entry).as("DriverMe in the manifest").isNotNull();
        assertThat(entry.path("name").asString()).isEqualTo("DriverMe");
        assertThat(entry.path("type").asString()).isEqualTo("query");
        assertThat(entry.path("client").asString()).isEqualTo("driver-app");
        assertThat(entry.path("body").asString()).isEqualTo(driverMe);
        assertThat(response.json().path("operations").size()).isGreaterThan(50);
    }

    @Test
    void theDriverAppRunsTrustedDocumentsByHashAndNothingElse() {
        TestTenant tenant = aTenant();
        String driver = driverToken(tenant);
        assertThat(claims(driver).path("public_client").asBoolean()).isTrue();

        GraphQl.Response byHash = graphQl().documentByHash(driver, "driver-app/DriverMe", Map.of());
        assertThat(byHash.errors().isMissingNode() || byHash.errors().isEmpty()).as(byHash.raw()).isTrue();
        assertThat(byHash.data().path("me").path("roles").toString()).contains("DRIVER");
        GraphQl.Response withText = graphQl().document(driver, "driver-app/MyProfile", Map.of());
        assertThat(withText.data().path("myProfile").path("name").asString()).isEqualTo("Trusted Driver");

        GraphQl.Response adHoc = graphQl().query(driver, "{ me { roles } }", Map.of());
        assertThat(adHoc.data().isMissingNode() || adHoc.data().isNull()).isTrue();
        assertThat(adHoc.errorTypes()).containsExactly("NOT_TRUSTED");
        assertThat(adHoc.errors().get(0).path("message").asString()).contains("only trusted documents", "/graphql/trusted-documents");

        GraphQl.Response unknown = graphQl().send(driver, null, GraphQl.persistedQuery("{ me { roles } }"), Map.of());
        assertThat(unknown.errors().get(0).path("message").asString()).startsWith("PersistedQueryNotFound");
        GraphQl.Response smuggled = graphQl().send(driver, "{ me { roles } }",
                GraphQl.persistedQuery(GraphQl.load("driver-app/DriverMe")), Map.of());
        assertThat(smuggled.errorTypes()).containsExactly("NOT_TRUSTED");
        assertThat(smuggled.data().isMissingNode() || smuggled.data().isNull()).isTrue();
    }

    @Test
    void staffAndIntegrationsSendAnyDocument() {
        TestTenant tenant = aTenant();
        String integration = tokenOf(tenant);
        assertThat(claims(integration).has("public_client")).isFalse();
        assertThat(graphQl().query(integration, "{ me { roles } }", Map.of()).data().path("me").path("roles").toString())
                .contains("TENANT_ADMIN");
        String portal = accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null));
        assertThat(claims(portal).has("public_client")).isFalse();
        assertThat(graphQl().query(portal, "{ me { roles } }", Map.of()).data().path("me").path("roles").toString())
                .contains("ANALYST");
        // and a trusted document by hash alone works for them too
        assertThat(graphQl().documentByHash(integration, "tenant-portal/OrganisationTree", Map.of()).data()
                .path("organisationTree").path("name").asString()).isNotBlank();
    }

    private String driverToken(TestTenant tenant) {
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Trusted Driver",
                "email", "trusted-driver@example.com")).path("profile").path("id").asString();
        User driver = aUser(tenant, UserRole.DRIVER, null, io.chargebase.api.graphql.GlobalId.decode(profile).orElseThrow().id());
        return accessTokenOf(tenant, driver);
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return GraphQl.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
