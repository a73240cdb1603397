package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;

class ProfileIT extends IntegrationTest {

    private String token;
    private String rootId;

    @BeforeEach
    void newTenant() {
        token = tokenOf(aTenant());
        rootId = graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
    }

    private String unit(String parentId, String name) {
        return mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", parentId, "name", name))
                .path("organisationUnit").path("id").asString();
    }

    private JsonNode create(Map<String, Object> input) {
        return mutate(token, "tenant-portal/CreateProfile", input);
    }

    private String createOk(String ou, String name, String email) {
        JsonNode payload = create(Map.of("organisationUnitId", ou, "name", name, "email", email));
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload.path("profile").path("id").asString();
    }

    private String errorCode(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        assertThat(payload.path("profile").isNull()).isTrue();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    private JsonNode profiles(Map<String, Object> variables) {
        GraphQl.Response response = graphQl().document(token, "tenant-portal/Profiles", variables);
        assertThat(response.errors().isMissingNode()).as(response.raw()).isTrue();
        return response.data().path("profiles");
    }

    @Test
    void aProfileIsCreatedWithNormalisedContactDetails() {
        JsonNode payload = create(Map.of("organisationUnitId", rootId, "name", " Nora Jansen ", "email", "Nora@Example.com",
                "phone", "+31 20 555 0101", "externalReference", "CUST-1"));
        JsonNode profile = payload.path("profile");
        assertThat(payload.path("userErrors")).isEmpty();
        assertThat(profile.path("name").asString()).isEqualTo("Nora Jansen");
        assertThat(profile.path("email").asString()).isEqualTo("Nora@Example.com");
        assertThat(profile.path("phone").asString()).isEqualTo("+31205550101");
        assertThat(profile.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(profile.path("organisationUnit").path("id").asString()).isEqualTo(rootId);
    }

    @Test
    void badInputIsATypedUserErrorAndNothingIsWritten() {
        assertThat(errorCode(create(Map.of("organisationUnitId", rootId, "name", "X", "email", "not-an-email")))).isEqualTo("INVALID_EMAIL");
        assertThat(errorCode(create(Map.of("organisationUnitId", rootId, "name", "X", "email", "x@example.com", "phone", "020 555")))).isEqualTo("INVALID_PHONE");
        assertThat(errorCode(create(Map.of("organisationUnitId", rootId, "name", "", "email", "x@example.com")))).isEqualTo("REQUIRED");
        assertThat(errorCode(create(Map.of("organisationUnitId", GlobalId.encode("OrganisationUnit", java.util.UUID.randomUUID()),
                "name", "X", "email", "x@example.com")))).isEqualTo("NOT_FOUND");
        assertThat(profiles(Map.of()).path("totalCount").asInt()).isZero();
    }

    @Test
    void emailAddressesAreUniquePerTenantWithoutRegardToCase() {
        createOk(rootId, "First", "same@example.com");
        JsonNode duplicate = create(Map.of("organisationUnitId", rootId, "name", "Second", "email", "SAME@example.com"));
        assertThat(errorCode(duplicate)).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"email\"]");

        String otherToken = tokenOf(aTenant());
        String otherRoot = graphQl().document(otherToken, "tenant-portal/OrganisationTree", Map.of()).data()
                .path("organisationTree").path("id").asString();
        JsonNode elsewhere = mutate(otherToken, "tenant-portal/CreateProfile",
                Map.of("organisationUnitId", otherRoot, "name", "Other tenant", "email", "same@example.com"));
        assertThat(elsewhere.path("userErrors")).isEmpty();
    }

    @Test
    void externalReferencesAreUniquePerTenant() {
        create(Map.of("organisationUnitId", rootId, "name", "A", "email", "a@example.com", "externalReference", "REF-1"));
        JsonNode duplicate = create(Map.of("organisationUnitId", rootId, "name", "B", "email", "b@example.com", "externalReference", "REF-1"));
        assertThat(errorCode(duplicate)).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"externalReference\"]");
    }

    @Test
    void updateChangesOnlyTheFieldsGivenAndEmptyClears() {
        String other = unit(rootId, "Other");
        JsonNode created = create(Map.of("organisationUnitId", rootId, "name", "Before", "email", "before@example.com",
                "phone", "+31205550101", "externalReference", "R1"));
        String id = created.path("profile").path("id").asString();

        JsonNode updated = mutate(token, "tenant-portal/UpdateProfile", Map.of("profileId", id, "name", "After", "organisationUnitId", other));
        JsonNode profile = updated.path("profile");
        assertThat(profile.path("name").asString()).isEqualTo("After");
        assertThat(profile.path("email").asString()).isEqualTo("before@example.com");
        assertThat(profile.path("phone").asString()).isEqualTo("+31205550101");
        assertThat(profile.path("organisationUnit").path("id").asString()).isEqualTo(other);

        JsonNode cleared = mutate(token, "tenant-portal/UpdateProfile", Map.of("profileId", id, "phone", "", "externalReference", ""));
        assertThat(cleared.path("profile").path("phone").isNull()).isTrue();
        assertThat(cleared.path("profile").path("externalReference").isNull()).isTrue();

        JsonNode bad = mutate(token, "tenant-portal/UpdateProfile", Map.of("profileId", id, "email", "broken@"));
        assertThat(errorCode(bad)).isEqualTo("INVALID_EMAIL");
        JsonNode unchanged = graphQl().document(token, "tenant-portal/Node", Map.of("id", id)).data().path("node");
        assertThat(unchanged.path("email").asString()).isEqualTo("before@example.com");
    }

    @Test
    void deactivationKeepsTheProfileAndCanBeUndone() {
        String id = createOk(rootId, "Leaver", "leaver@example.com");
        JsonNode deactivated = mutate(token, "tenant-portal/DeactivateProfile", Map.of("profileId", id));
        assertThat(deactivated.path("profile").path("status").asString()).isEqualTo("INACTIVE");
        assertThat(profiles(Map.of("filter", Map.of("status", "INACTIVE"))).path("totalCount").asInt()).isEqualTo(1);
        assertThat(profiles(Map.of("filter", Map.of("status", "ACTIVE"))).path("totalCount").asInt()).isZero();
        JsonNode reactivated = mutate(token, "tenant-portal/ReactivateProfile", Map.of("profileId", id));
        assertThat(reactivated.path("profile").path("status").asString()).isEqualTo("ACTIVE");
        JsonNode unknown = mutate(token, "tenant-portal/DeactivateProfile", Map.of("profileId", GlobalId.encode("Profile", java.util.UUID.randomUUID())));
        assertThat(errorCode(unknown)).isEqualTo("NOT_FOUND");
    }

    @Test
    void pagesWalkEveryProfileOnceInNameOrder() {
        for (int i = 0; i < 25; i++) {
            createOk(rootId, String.format("Driver %02d", 24 - i), "driver" + i + "@example.com");
        }
        List<String> names = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 10);
            variables.put("after", after);
            JsonNode page = profiles(variables);
            assertThat(page.path("totalCount").asInt()).isEqualTo(25);
            page.path("edges").forEach(edge -> names.add(edge.path("node").path("name").asString()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString() : null;
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(25).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void filtersBySubtreeAndText() {
        String fleet = unit(rootId, "Fleet");
        String north = unit(fleet, "North");
        String other = unit(rootId, "Other");
        createOk(fleet, "Fleet Manager", "manager@fleet.example");
        createOk(north, "North Driver", "driver@north.example");
        createOk(other, "Someone Else", "else@other.example");

        assertThat(profiles(Map.of("filter", Map.of("organisationUnitId", fleet))).path("totalCount").asInt()).isEqualTo(2);
        assertThat(profiles(Map.of("filter", Map.of("organisationUnitId", north))).path("totalCount").asInt()).isEqualTo(1);
        assertThat(profiles(Map.of("filter", Map.of("text", "NORTH.example"))).path("totalCount").asInt()).isEqualTo(1);
        assertThat(profiles(Map.of("filter", Map.of("text", "%"))).path("totalCount").asInt()).isZero();
        assertThat(profiles(Map.of("filter", Map.of("organisationUnitId", other, "text", "driver"))).path("totalCount").asInt()).isZero();
    }

    @Test
    void pageSizesBeyondTheLimitAreBadRequests() {
        GraphQl.Response tooMany = graphQl().document(token, "tenant-portal/Profiles", Map.of("first", 101));
        assertThat(tooMany.errorTypes()).containsExactly("BAD_REQUEST");
        GraphQl.Response badCursor = graphQl().document(token, "tenant-portal/Profiles", Map.of("after", "!!!"));
        assertThat(badCursor.errorTypes()).containsExactly("BAD_REQUEST");
        assertThat(badCursor.raw()).doesNotContain("Exception");
    }
}
