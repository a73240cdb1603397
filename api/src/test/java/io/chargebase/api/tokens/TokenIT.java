package io.chargebase.api.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.tokens.Authorisation;
import io.chargebase.domain.tokens.TokenAuthorisations;

class TokenIT extends IntegrationTest {

    @Autowired
    TokenAuthorisations authorisations;

    private String root(String token) {
        return graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
    }

    private String profile(String token, String unit, String email) {
        return mutate(token, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", "Owner", "email", email))
                .path("profile").path("id").asString();
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void aCardIsIssuedWithNormalisedUidAndCompletedEmaId() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String owner = profile(admin, root(admin), "card-owner@example.com");
        JsonNode created = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "04:a1:b2:c3:d4:e5:f6", "emaId", "nl-cbs-c12345678",
                "type", "RFID", "ownerProfileId", owner, "visualNumber", "CBS 0001 2345"));
        assertThat(created.path("userErrors")).isEmpty();
        JsonNode token = created.path("token");
        assertThat(token.path("uid").asString()).isEqualTo("04A1B2C3D4E5F6");
        assertThat(token.path("emaId").asString()).matches("NL-CBS-C12345678-[0-9A-Z]");
        assertThat(token.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(token.path("owner").path("id").asString()).isEqualTo(owner);

        JsonNode found = graphQl().document(admin, "tenant-portal/Tokens", Map.of("filter", Map.of("text", "NL-CBS-C1234"))).data().path("tokens");
        assertThat(found.path("totalCount").asInt()).isEqualTo(1);

        Authorisation answer = authorisations.authorise(tenant.tenant().id(), "04A1B2C3D4E5F6");
        assertThat(answer.decision()).isEqualTo(Authorisation.Decision.ACCEPTED);
        assertThat(answer.parentIdTag()).isNotBlank();
        assertThat(authorisations.authorise(aTenant().tenant().id(), "04A1B2C3D4E5F6").decision())
                .as("another tenant's chargers do not know it").isEqualTo(Authorisation.Decision.INVALID);
    }

    @Test
    void badTokenInputIsATypedUserError() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AABBCCDD", "type", "RFID", "emaId", "DE-8AA-CA2B3C4D5-L"));
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "aa bb cc dd", "type", "RFID")))).isEqualTo("DUPLICATE");
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AABBCCEE", "type", "RFID", "emaId", "DE8AACA2B3C4D5L"))))
                .isEqualTo("DUPLICATE");
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AABBCCEE", "type", "RFID", "emaId", "DE-8AA-CA2B3C4D5-M"))))
                .isEqualTo("INVALID_EMA_ID");
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "XYZ", "type", "RFID")))).isEqualTo("INVALID_UID");
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("type", "RFID")))).isEqualTo("REQUIRED");
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AABBCCEE", "type", "RFID",
                "expiresAt", "2020-01-01T00:00:00Z")))).isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AABBCCEE", "type", "RFID",
                "billing", "CORPORATE_ACCOUNT")))).isEqualTo("REQUIRED");
        assertThat(graphQl().document(admin, "tenant-portal/Tokens", Map.of()).data().path("tokens").path("totalCount").asInt()).isEqualTo(1);

        JsonNode app = mutate(admin, "tenant-portal/CreateToken", Map.of("type", "APP"));
        assertThat(app.path("token").path("uid").asString()).matches("[0-9A-F]{14}");
    }

    @Test
    void blockingIsImmediateAtTheChargerAndRecordedWithReasonAndAuthor() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String id = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "11223344", "type", "RFID")).path("token").path("id").asString();
        assertThat(authorisations.authorise(tenant.tenant().id(), "11223344").decision()).isEqualTo(Authorisation.Decision.ACCEPTED);

        assertThat(code(mutate(admin, "tenant-portal/BlockToken", Map.of("tokenId", id, "reason", " ")))).isEqualTo("REQUIRED");
        JsonNode blocked = mutate(admin, "tenant-portal/BlockToken", Map.of("tokenId", id, "reason", "Reported stolen"));
        assertThat(blocked.path("token").path("status").asString()).isEqualTo("BLOCKED");
        assertThat(authorisations.authorise(tenant.tenant().id(), "11223344").decision()).isEqualTo(Authorisation.Decision.BLOCKED);
        assertThat(code(mutate(admin, "tenant-portal/BlockToken", Map.of("tokenId", id, "reason", "again")))).isEqualTo("INVALID");

        JsonNode unblocked = mutate(admin, "tenant-portal/UnblockToken", Map.of("tokenId", id, "reason", "Found again"));
        assertThat(unblocked.path("token").path("status").asString()).isEqualTo("ACTIVE");
        JsonNode history = unblocked.path("token").path("statusHistory");
        assertThat(history).hasSize(3);
        assertThat(history.get(1).path("toStatus").asString()).isEqualTo("BLOCKED");
        assertThat(history.get(1).path("reason").asString()).isEqualTo("Reported stolen");
        assertThat(history.get(1).path("changedBy").asString()).isEqualTo(tenant.clientId());
        assertThat(authorisations.authorise(tenant.tenant().id(), "11223344").decision()).isEqualTo(Authorisation.Decision.ACCEPTED);
    }

    @Test
    void aTokenChangesOwnerNumberExpiryAndBillingButNeverItsUid() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String owner = profile(admin, root(admin), "new-owner@example.com");
        String id = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "55667788", "type", "RFID")).path("token").path("id").asString();
        JsonNode updated = mutate(admin, "tenant-portal/UpdateToken", Map.of("tokenId", id, "ownerProfileId", owner, "visualNumber", "No. 7",
                "billing", "CORPORATE_ACCOUNT", "expiresAt", Instant.now().plusSeconds(3_600).toString()));
        assertThat(updated.path("userErrors")).isEmpty();
        assertThat(updated.path("token").path("owner").path("id").asString()).isEqualTo(owner);
        assertThat(updated.path("token").path("billing").asString()).isEqualTo("CORPORATE_ACCOUNT");
        assertThat(updated.path("token").path("uid").asString()).isEqualTo("55667788");
        JsonNode cleared = mutate(admin, "tenant-portal/UpdateToken", Map.of("tokenId", id, "clearExpiry", true));
        assertThat(cleared.path("token").path("expiresAt").isNull()).isTrue();
        assertThat(code(mutate(admin, "tenant-portal/UpdateToken", Map.of("tokenId", id, "expiresAt", "2001-01-01T00:00:00Z")))).isEqualTo("INVALID");
    }

    @Test
    void aChangeMadeOnAnotherInstanceReachesThisInstancesCacheThroughPostgres() throws Exception {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "99887766", "type", "RFID"));
        assertThat(authorisations.authorise(tenant.tenant().id(), "99887766").decision()).isEqualTo(Authorisation.Decision.ACCEPTED);

        // another replica blocks the card: its own transaction, its own connection, and the notification it sends
        var database = io.chargebase.api.support.TestDatabase.get();
        try (var connection = java.sql.DriverManager.getConnection(database.url(), database.username(), database.password())) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("update token set status = 'BLOCKED' where uid = '99887766' and tenant_id = '" + tenant.tenant().id() + "'");
                statement.execute("select pg_notify('" + io.chargebase.domain.tokens.TokenChanged.CHANNEL + "', '"
                        + tenant.tenant().id() + ":99887766')");
            }
            connection.commit();
        }
        Authorisation.Decision decision = null;
        for (int attempt = 0; attempt < 50 && decision != Authorisation.Decision.BLOCKED; attempt++) {
            Thread.sleep(100);
            decision = authorisations.authorise(tenant.tenant().id(), "99887766").decision();
        }
        assertThat(decision).as("within 5 s, well before the 30 s age limit").isEqualTo(Authorisation.Decision.BLOCKED);
    }

    @Test
    void anOuAdminSeesAndManagesOnlyTheTokensOfTheirSubtree() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = root(admin);
        String unit = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet"))
                .path("organisationUnit").path("id").asString();
        String inside = profile(admin, unit, "inside@example.com");
        String outside = profile(admin, root, "outside@example.com");
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AAAA0001", "type", "RFID", "ownerProfileId", inside));
        String foreign = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AAAA0002", "type", "RFID", "ownerProfileId", outside))
                .path("token").path("id").asString();
        String ouAdmin = accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(unit).orElseThrow().id(), null));
        JsonNode visible = graphQl().document(ouAdmin, "tenant-portal/Tokens", Map.of()).data().path("tokens");
        assertThat(visible.path("totalCount").asInt()).isEqualTo(1);
        assertThat(visible.toString()).contains("AAAA0001").doesNotContain("AAAA0002");
        assertThat(code(mutate(ouAdmin, "tenant-portal/BlockToken", Map.of("tokenId", foreign, "reason", "not mine")))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(ouAdmin, "tenant-portal/CreateToken", Map.of("uid", "AAAA0003", "type", "RFID", "ownerProfileId", outside))))
                .isEqualTo("NOT_FOUND");
        Map<String, Object> mine = new HashMap<>(Map.of("uid", "AAAA0004", "type", "RFID", "ownerProfileId", inside));
        mine.put("expiresAt", Instant.now().plusSeconds(86_400).toString());
        assertThat(mutate(ouAdmin, "tenant-portal/CreateToken", mine).path("userErrors")).isEmpty();
    }
}
