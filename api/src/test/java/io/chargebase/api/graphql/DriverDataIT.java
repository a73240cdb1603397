package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 item 6, the driver's data, through the driver app's trusted documents: the export holds the driver's own
 * profile, tokens, sessions and CDRs and nothing of another driver; deleting the account ends the sign-in and
 * removes the person, while the CDRs stay for the tenant's accounts.
 */
class DriverDataIT extends IntegrationTest {

    private static final String DANA_TOKEN = "04A1B2C3D4E5F6";
    private static final String OLGA_TOKEN = "0A0B0C0D";

    private TestTenant tenant;
    private String admin;
    private String evse;
    private String danaProfile;
    private User dana;

    @BeforeEach
    void twoDriversWithACdrEach() {
        tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        evse = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1")))).path("chargePoint").path("evses").get(0).path("id").asString();
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        danaProfile = profile(root, "Dana Driver", "dana@example.com", DANA_TOKEN);
        String olgaProfile = profile(root, "Olga Other", "olga@example.com", OLGA_TOKEN);
        dana = aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(danaProfile).orElseThrow().id());
        aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(olgaProfile).orElseThrow().id());
        record("D-1", DANA_TOKEN, "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z");
        record("O-1", OLGA_TOKEN, "2026-11-02T08:00:00Z", "2026-11-02T09:00:00Z");
    }

    private String profile(String unit, String name, String email, String token) {
        String id = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name, "email", email))
                .path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", token, "type", "RFID", "ownerProfileId", id));
        return id;
    }

    private void record(String number, String token, String start, String end) {
        Map<String, Object> input = new HashMap<>();
        input.put("cdrNumber", number);
        input.put("evseId", evse);
        input.put("tokenUid", token);
        input.put("startAt", start);
        input.put("endAt", end);
        input.put("chargingPeriods", List.of(Map.of("startAt", start, "dimensions", List.of(Map.of("type", "ENERGY", "volume", "5")))));
        JsonNode recorded = mutate(admin, "tenant-portal/RecordCpoCdr", input);
        assertThat(recorded.path("userErrors")).as(recorded.toString()).isEmpty();
    }

    private JsonNode deleteAccount(String token, String password) {
        return graphQl().document(token, "driver-app/DeleteMyAccount", Map.of("input", Map.of("password", password))).payload("deleteMyAccount");
    }

    @Test
    void theExportHoldsTheDriversOwnDataAndNothingOfAnother() {
        String driver = accessTokenOf(tenant, dana);
        JsonNode export = graphQl().document(driver, "driver-app/MyDataExport", Map.of()).data().path("myDataExport");
        assertThat(export.path("contentType").asString()).isEqualTo("application/json");
        assertThat(export.path("fileName").asString()).startsWith("chargebase-data-").endsWith(".json");
        String content = export.path("content").asString();
        JsonNode document = JsonMapper.builder().build().readTree(content);
        assertThat(document.path("profile").path("email").asString()).isEqualTo("dana@example.com");
        assertThat(document.path("profile").path("name").asString()).isEqualTo("Dana Driver");
        assertThat(document.path("account").path("email").asString()).isEqualTo(dana.email());
        assertThat(document.path("account").has("termsVersion")).as("the terms accepted are the driver's data too").isTrue();
        assertThat(document.path("tokens")).hasSize(1);
        assertThat(document.path("tokens").get(0).path("uid").asString()).isEqualTo(DANA_TOKEN);
        assertThat(document.path("cdrs")).hasSize(1);
        assertThat(document.path("cdrs").get(0).path("cdrNumber").asString()).isEqualTo("D-1-1");
        assertThat(document.path("cdrs").get(0).path("totalCostInclVat").isMissingNode()).isFalse();
        assertThat(document.path("sessions").isArray()).isTrue();
        assertThat(content).doesNotContain("olga", "Olga", OLGA_TOKEN, "O-1");

        assertThat(graphQl().document(admin, "driver-app/MyDataExport", Map.of()).errorTypes())
                .as("staff have no data of their own to export").containsExactly("FORBIDDEN");
    }

    @Test
    void deletingTheAccountEndsTheSignInAndRemovesThePersonWhileTheCdrStays() {
        String driver = accessTokenOf(tenant, dana);

        JsonNode wrong = deleteAccount(driver, "not the password");
        assertThat(wrong.path("deleted").asBoolean()).isFalse();
        assertThat(wrong.path("userErrors").get(0).path("field").toString()).contains("password");
        assertThat(graphQl().document(driver, "driver-app/MyProfile", Map.of()).data().path("myProfile").path("email").asString())
                .as("a wrong password changes nothing").isEqualTo("dana@example.com");

        JsonNode deleted = deleteAccount(driver, PASSWORD);
        assertThat(deleted.path("userErrors")).as(deleted.toString()).isEmpty();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();

        assertThat(Eventually.value(() -> graphQl().document(driver, "driver-app/DriverMe", Map.of()).status(), status -> status == 401))
                .as("the old access token is refused").isEqualTo(401);
        assertThatThrownBy(() -> signIn(tenant, dana)).as("nobody signs in as the deleted account").isInstanceOf(Throwable.class);

        JsonNode cdrs = graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs");
        assertThat(cdrs.path("totalCount").asInt()).as("both CDRs stay for the tenant's accounts").isEqualTo(2);
        JsonNode danaCdr = null;
        for (JsonNode edge : cdrs.path("edges")) {
            if (edge.path("node").path("cdrNumber").asString().equals("D-1")) {
                danaCdr = edge.path("node");
            }
        }
        assertThat(danaCdr).isNotNull();
        assertThat(danaCdr.path("mspCdr").path("cdrNumber").asString()).isEqualTo("D-1-1");
        JsonNode profile = graphQl().document(admin, "tenant-portal/Node", Map.of("id", danaCdr.path("profile").path("id").asString()))
                .data().path("node");
        assertThat(profile.path("name").asString()).isEqualTo("Erased driver");
        assertThat(profile.path("email").asString()).doesNotContain("dana");
        assertThat(graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of()).raw()).doesNotContain("dana", "Dana");

        JsonNode token = graphQl().document(admin, "tenant-portal/Tokens", Map.of()).data().path("tokens").path("edges").findValues("node")
                .stream().filter(node -> node.path("uid").asString().equals(DANA_TOKEN)).findFirst().orElseThrow();
        assertThat(token.path("status").asString()).isEqualTo("BLOCKED");
        assertThat(token.path("owner").isNull()).as("the token no longer names the person").isTrue();

        JsonNode signUp = graphQlOf(tenant).document(null, "driver-app/SignUpDriver", Map.of("input", Map.of("email", "dana@example.com",
                "name", "Dana Again", "password", "another good passphrase"))).payload("signUpDriver");
        assertThat(signUp.path("userErrors")).as("the address is free to sign up again: " + signUp).isEmpty();
        assertThat(signUp.path("verificationPending").asBoolean()).isTrue();
    }
    private JsonNode signUp(String email, String acceptedTerms) {
        Map<String, Object> input = new HashMap<>(Map.of("email", email, "name", "Terry Terms", "password", "another good passphrase"));
        if (acceptedTerms != null) {
            input.put("acceptedTermsVersion", acceptedTerms);
        }
        return graphQlOf(tenant).document(null, "driver-app/SignUpDriver", Map.of("input", input)).payload("signUpDriver");
    }

    private JsonNode staffViewOf(String email) {
        return graphQl().document(admin, "tenant-portal/Users", Map.of("first", 100)).data().path("users").path("edges").findValues("node")
                .stream().filter(node -> node.path("email").asString().equals(email)).findFirst().orElse(null);
    }

    @Test
    void signUpRecordsTheAcceptedTermsVersionAndRequiresTheCurrentOne() {
        JsonNode noTerms = signUp("before-terms@example.com", null);
        assertThat(noTerms.path("userErrors")).as("a tenant without terms asks for none: " + noTerms).isEmpty();
        assertThat(staffViewOf("before-terms@example.com").path("termsVersion").isNull()).isTrue();

        JsonNode unversioned = mutate(admin, "tenant-portal/UpdateBranding", Map.of("termsVersion", "2026-11"));
        assertThat(unversioned.path("userErrors").get(0).path("field").toString()).as("a version needs its terms' link").contains("termsUrl");
        JsonNode branded = mutate(admin, "tenant-portal/UpdateBranding", Map.of("termsUrl", "https://example.com/terms", "termsVersion", "2026-11"));
        assertThat(branded.path("userErrors")).as(branded.toString()).isEmpty();
        assertThat(graphQl().document(null, "driver-app/Branding", Map.of("host", tenant.tenant().slug())).data().path("branding")
                .path("termsVersion").asString()).as("the app reads the version before sign-up").isEqualTo("2026-11");

        JsonNode missing = signUp("terry@example.com", null);
        assertThat(missing.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");
        assertThat(missing.path("userErrors").get(0).path("field").toString()).contains("acceptedTermsVersion");
        JsonNode outdated = signUp("terry@example.com", "2025-01");
        assertThat(outdated.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(staffViewOf("terry@example.com")).as("a refused sign-up creates nothing").isNull();

        JsonNode accepted = signUp("terry@example.com", "2026-11");
        assertThat(accepted.path("userErrors")).as(accepted.toString()).isEmpty();
        JsonNode terry = staffViewOf("terry@example.com");
        assertThat(terry.path("termsVersion").asString()).as("staff see the version accepted").isEqualTo("2026-11");
        assertThat(terry.path("termsAcceptedAt").asString()).isNotBlank();
    }
}
