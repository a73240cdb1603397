package io.chargebase.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;

/**
 * The manual's Top-Up Packages and drivers' auto top-up settings through the GraphQL endpoint with the portal's and the
 * app's documents: creation, order, editing an unused package in place and a used one into a new version, deletion
 * turning off the auto top-ups that use it, and bad input refused with nothing changed.
 */
class TopUpPackagesGraphQlIT extends IntegrationTest {

    private String admin;
    private String driver;
    private String otherDriver;

    @BeforeEach
    void aTenantWithTwoDrivers() {
        TestTenant tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        driver = driverOf(tenant, root, "pat@example.com");
        otherDriver = driverOf(tenant, root, "quinn@example.com");
    }

    private String driverOf(TestTenant tenant, String root, String email) {
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", email, "email", email))
                .path("profile").path("id").asString();
        return accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
    }

    private JsonNode create(String price, String bonus, boolean enabled) {
        JsonNode created = mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", price, "bonus", bonus, "enabled", enabled));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("topUpPackage");
    }

    private List<String> prices(String token, String document, String field) {
        List<String> prices = new ArrayList<>();
        graphQl().document(token, document, Map.of()).data().path(field).forEach(found -> prices.add(found.path("price").asString()));
        return prices;
    }

    private static String errorCode(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void packagesAreOfferedInTheTenantsOrderAndOnlyWhenEnabled() {
        JsonNode fifty = create("50", "2", true);
        assertThat(fifty.path("credit").asString()).isEqualTo("52.00");
        assertThat(fifty.path("bonus").asString()).isEqualTo("2.00");
        JsonNode thirty = create("30.00", "1.00", true);
        JsonNode twenty = create("20.00", "0", true);
        JsonNode hidden = create("100.00", "10.00", false);
        assertThat(prices(admin, "tenant-portal/TopUpPackages", "topUpPackages")).containsExactly("50.00", "30.00", "20.00", "100.00");
        assertThat(prices(driver, "driver-app/AvailableTopUpPackages", "availableTopUpPackages")).containsExactly("50.00", "30.00", "20.00");

        JsonNode reordered = mutate(admin, "tenant-portal/ReorderTopUpPackages", Map.of("packageIds", List.of(twenty.path("packageId").asString(),
                thirty.path("packageId").asString(), hidden.path("packageId").asString(), fifty.path("packageId").asString())));
        assertThat(reordered.path("userErrors")).as(reordered.toString()).isEmpty();
        assertThat(prices(driver, "driver-app/AvailableTopUpPackages", "availableTopUpPackages")).containsExactly("20.00", "30.00", "50.00");
        assertThat(errorCode(mutate(admin, "tenant-portal/ReorderTopUpPackages", Map.of("packageIds", List.of(twenty.path("packageId").asString())))))
                .isEqualTo("INVALID");

        assertThat(errorCode(mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", "0", "bonus", "0", "enabled", true))))
                .isEqualTo("INVALID");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", "-5", "bonus", "0", "enabled", true))))
                .isEqualTo("INVALID");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", "5", "bonus", "-1", "enabled", true))))
                .isEqualTo("INVALID");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", "5", "bonus", "0", "currency", "USD",
                "enabled", true)))).isEqualTo("INVALID_CURRENCY");
        assertThat(graphQl().document(driver, "tenant-portal/CreateTopUpPackage", Map.of("input", Map.of("price", "5", "bonus", "0",
                "enabled", true))).errorTypes()).containsExactly("FORBIDDEN");
        assertThat(prices(admin, "tenant-portal/TopUpPackages", "topUpPackages")).hasSize(4);
    }

    @Test
    void editingAUsedPackageMakesANewVersionAndDeletingItTurnsOffItsAutoTopUps() {
        JsonNode thirty = create("30.00", "1.00", true);
        String id = thirty.path("packageId").asString();
        JsonNode edited = mutate(admin, "tenant-portal/UpdateTopUpPackage", Map.of("packageId", id, "bonus", "1.50"));
        assertThat(edited.path("topUpPackage").path("packageId").asString()).as("unused: edited in place").isEqualTo(id);
        assertThat(edited.path("topUpPackage").path("version").asInt()).isEqualTo(1);

        JsonNode on = mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", id, "threshold", "5.00"));
        assertThat(on.path("userErrors")).as(on.toString()).isEmpty();
        assertThat(on.path("autoTopUp").path("package").path("credit").asString()).isEqualTo("31.50");

        JsonNode versioned = mutate(admin, "tenant-portal/UpdateTopUpPackage", Map.of("packageId", id, "price", "35.00"));
        String next = versioned.path("topUpPackage").path("packageId").asString();
        assertThat(next).as("used: a new version").isNotEqualTo(id);
        assertThat(versioned.path("topUpPackage").path("version").asInt()).isEqualTo(2);
        assertThat(versioned.path("topUpPackage").path("position").asInt()).isEqualTo(1);
        assertThat(prices(admin, "tenant-portal/TopUpPackages", "topUpPackages")).containsExactly("35.00");
        JsonNode mine = graphQl().document(driver, "driver-app/MyAutoTopUp", Map.of()).data().path("myAutoTopUp");
        assertThat(mine.path("package").path("price").asString()).as("the driver keeps the version they agreed to").isEqualTo("30.00");
        assertThat(errorCode(mutate(admin, "tenant-portal/UpdateTopUpPackage", Map.of("packageId", id, "price", "40.00"))))
                .as("a retired version is not edited").isEqualTo("NOT_FOUND");

        assertThat(mutate(otherDriver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", next, "threshold", "0")).path("userErrors"))
                .isEmpty();
        JsonNode deleted = mutate(admin, "tenant-portal/DeleteTopUpPackage", Map.of("packageId", next));
        assertThat(deleted.path("userErrors")).as(deleted.toString()).isEmpty();
        assertThat(deleted.path("autoTopUpsTurnedOff").asInt()).isEqualTo(2);
        assertThat(prices(admin, "tenant-portal/TopUpPackages", "topUpPackages")).isEmpty();
        for (String token : List.of(driver, otherDriver)) {
            JsonNode off = graphQl().document(token, "driver-app/MyAutoTopUp", Map.of()).data().path("myAutoTopUp");
            assertThat(off.path("enabled").asBoolean()).isFalse();
            assertThat(off.path("disabledReason").asString()).contains("deleted");
            assertThat(off.path("package").isNull()).isTrue();
        }
        assertThat(errorCode(mutate(admin, "tenant-portal/DeleteTopUpPackage", Map.of("packageId", next)))).isEqualTo("NOT_FOUND");
    }

    @Test
    void autoTopUpSettingsAreValidated() {
        String enabled = create("20.00", "0", true).path("packageId").asString();
        String disabled = create("10.00", "0", false).path("packageId").asString();
        assertThat(graphQl().document(driver, "driver-app/MyAutoTopUp", Map.of()).data().path("myAutoTopUp").isNull()).isTrue();
        assertThat(errorCode(mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", disabled, "threshold", "5"))))
                .isEqualTo("NOT_USABLE");
        assertThat(errorCode(mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", UUID.randomUUID().toString(),
                "threshold", "5")))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", enabled, "threshold", "-1"))))
                .isEqualTo("INVALID");
        assertThat(errorCode(mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", enabled, "threshold", "5",
                "currency", "CHF")))).isEqualTo("INVALID_CURRENCY");
        assertThat(errorCode(mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", enabled)))).isEqualTo("REQUIRED");
        assertThat(errorCode(mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", false)))).isEqualTo("NOT_FOUND");
        assertThat(graphQl().document(driver, "driver-app/MyAutoTopUp", Map.of()).data().path("myAutoTopUp").isNull()).isTrue();

        JsonNode on = mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", enabled, "threshold", "7.5"));
        assertThat(on.path("autoTopUp").path("threshold").asString()).isEqualTo("7.50");
        JsonNode off = mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", false));
        assertThat(off.path("autoTopUp").path("enabled").asBoolean()).isFalse();
        assertThat(off.path("autoTopUp").path("threshold").asString()).isEqualTo("7.50");
        assertThat(graphQl().document(otherDriver, "driver-app/MyAutoTopUp", Map.of()).data().path("myAutoTopUp").isNull())
                .as("one driver's setting is theirs only").isTrue();
        assertThat(graphQl().document(admin, "driver-app/SetMyAutoTopUp", Map.of("input", Map.of("enabled", false))).errorTypes())
                .containsExactly("FORBIDDEN");
    }
}
