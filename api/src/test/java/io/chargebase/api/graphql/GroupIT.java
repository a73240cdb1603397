package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;

class GroupIT extends IntegrationTest {

    private String admin;

    private String unit(String parent, String name) {
        return mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", parent, "name", name))
                .path("organisationUnit").path("id").asString();
    }

    private String profile(String unit, String email) {
        return mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", email, "email", email))
                .path("profile").path("id").asString();
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void aBusinessPartnerGroupCoversItsUnitsAndEverythingBelowThem() {
        admin = tokenOf(aTenant());
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String fleet = unit(root, "Fleet");
        String north = unit(fleet, "North");
        String other = unit(root, "Other");
        String inFleet = profile(fleet, "a@example.com");
        String inNorth = profile(north, "b@example.com");
        profile(other, "c@example.com");

        JsonNode created = mutate(admin, "tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "Corporate", "organisationUnitIds", List.of(fleet)));
        assertThat(created.path("userErrors")).isEmpty();
        assertThat(created.path("businessPartnerGroup").path("profileCount").asInt()).isEqualTo(2);

        JsonNode northProfile = graphQl().document(admin, "tenant-portal/ProfileGroups", Map.of("id", inNorth)).data().path("node");
        assertThat(northProfile.path("businessPartnerGroups").get(0).path("name").asString()).isEqualTo("Corporate");
        assertThat(graphQl().document(admin, "tenant-portal/ProfileGroups", Map.of("id", inFleet)).data().path("node")
                .path("businessPartnerGroups")).hasSize(1);

        unit(north, "North-East");
        assertThat(code(mutate(admin, "tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "corporate", "organisationUnitIds", List.of(other)))))
                .isEqualTo("DUPLICATE");
        assertThat(code(mutate(admin, "tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "Bad", "organisationUnitIds",
                List.of(GlobalId.encode("OrganisationUnit", java.util.UUID.randomUUID())))))).isEqualTo("NOT_FOUND");
        String id = created.path("businessPartnerGroup").path("id").asString();
        assertThat(mutate(admin, "tenant-portal/DeleteBusinessPartnerGroup", Map.of("businessPartnerGroupId", id))
                .path("deletedBusinessPartnerGroupId").asString()).isEqualTo(id);
        assertThat(graphQl().document(admin, "tenant-portal/BusinessPartnerGroups", Map.of()).data().path("businessPartnerGroups")).isEmpty();
    }

    @Test
    void theUniversalSearchFindsEveryKind() {
        admin = tokenOf(aTenant());
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        profile(root, "zephyr@example.com");
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "ZE000001".replace("Z", "A"), "type", "RFID", "visualNumber", "ZEPHYR-1"));
        java.util.Map<String, Object> location = new java.util.HashMap<>(io.chargebase.api.support.AssetFixtures.aLocation());
        location.put("name", "Zephyr Garage");
        String locationId = mutate(admin, "tenant-portal/CreateLocation", location).path("location").path("id").asString();
        mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", locationId, "ocppIdentity", "ZEPHYR-CP",
                "evses", List.of(io.chargebase.api.support.AssetFixtures.anAcEvse(null))));
        var response = graphQl().document(admin, "tenant-portal/Search", Map.of("text", "zephyr"));
        assertThat(response.errors().isMissingNode()).as(response.raw()).isTrue();
        JsonNode found = response.data().path("search");
        List<String> kinds = new java.util.ArrayList<>();
        found.forEach(result -> kinds.add(result.path("__typename").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("Profile", "Token", "Location", "ChargePoint");
        assertThat(graphQl().document(admin, "tenant-portal/Search", Map.of("text", "z")).errorTypes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void aUserGroupIsASetOfProfiles() {
        admin = tokenOf(aTenant());
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String a = profile(root, "a@example.com");
        String b = profile(root, "b@example.com");
        JsonNode created = mutate(admin, "tenant-portal/CreateUserGroup", Map.of("name", "Staff", "profileIds", List.of(a, a)));
        assertThat(created.path("userGroup").path("memberCount").asInt()).isEqualTo(1);
        String group = created.path("userGroup").path("id").asString();
        JsonNode updated = mutate(admin, "tenant-portal/SetUserGroupMembers", Map.of("userGroupId", group, "profileIds", List.of(a, b)));
        assertThat(updated.path("userGroup").path("memberCount").asInt()).isEqualTo(2);
        assertThat(code(mutate(admin, "tenant-portal/SetUserGroupMembers", Map.of("userGroupId", group, "profileIds",
                List.of(GlobalId.encode("Profile", java.util.UUID.randomUUID())))))).isEqualTo("NOT_FOUND");
        assertThat(graphQl().document(admin, "tenant-portal/UserGroups", Map.of()).data().path("userGroups").get(0)
                .path("members")).hasSize(2);
        assertThat(mutate(admin, "tenant-portal/DeleteUserGroup", Map.of("userGroupId", group)).path("userErrors")).isEmpty();
    }
}
