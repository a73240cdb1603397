package io.chargebase.api.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.tokens.Authorisation;
import io.chargebase.domain.tokens.TokenAuthorisations;

class TokenImportIT extends IntegrationTest {

    @Autowired
    TokenAuthorisations authorisations;

    @Test
    void cardsAreImportedWithOwnersOrReportedRowByRow() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Owner", "email", "owner@example.com"));
        assertThat(authorisations.authorise(tenant.tenant().id(), "AABB0001").decision()).isEqualTo(Authorisation.Decision.INVALID);

        String bad = """
                uid,type,ema_id,owner_email,visual_number,expires_at,billing
                aa:bb:00:01,rfid,NL-CBS-C12345678,owner@example.com,CBS 1,2099-01-01T00:00:00Z,
                AABB0002,RFID,DE-8AA-CA2B3C4D5-M,,,,
                AABB0003,CARD,,,,,
                AABB0001,RFID,,nobody@example.com,,2001-01-01T00:00:00Z,CORPORATE_ACCOUNT
                """;
        JsonNode report = mutate(admin, "tenant-portal/ImportTokens", Map.of("csv", bad));
        assertThat(report.path("imported").asInt()).isZero();
        assertThat(report.path("rowErrors").toString())
                .contains("\"row\":3,\"field\":\"ema_id\"", "\"row\":4,\"field\":\"type\"", "\"row\":5,\"field\":\"owner_email\"",
                        "\"row\":5,\"field\":\"expires_at\"", "\"row\":5,\"field\":\"uid\"");

        JsonNode partial = mutate(admin, "tenant-portal/ImportTokens", Map.of("csv", bad, "allOrNothing", false));
        assertThat(partial.path("imported").asInt()).isEqualTo(1);
        JsonNode token = graphQl().document(admin, "tenant-portal/Tokens", Map.of("filter", Map.of("text", "AABB0001"))).data()
                .path("tokens").path("edges").get(0).path("node");
        assertThat(token.path("owner").path("name").asString()).isEqualTo("Owner");
        assertThat(token.path("emaId").asString()).startsWith("NL-CBS-C12345678-");
        assertThat(authorisations.authorise(tenant.tenant().id(), "AABB0001").decision())
                .as("the negative cache entry is dropped").isEqualTo(Authorisation.Decision.ACCEPTED);

        JsonNode header = mutate(admin, "tenant-portal/ImportTokens", Map.of("csv", "card,type\nx,RFID\n"));
        assertThat(header.path("userErrors").get(0).path("message").asString()).contains("uid");
    }
}
