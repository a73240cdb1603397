package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;

/**
 * Below the tenant: an OU admin sees and changes only their subtree, a driver only their own profile, an analyst
 * reads but never writes; all of it enforced by the database, so {@code node(id:)} leaks nothing either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrowedScopeIT extends IntegrationTest {

    private String admin;
    private String root;
    private String unitA;
    private String unitA1;
    private String unitB;
    private String profileA;
    private String profileA1;
    private String profileB;
    private String ouAdmin;
    private String driver;
    private String analyst;

    @BeforeAll
    void aTree() {
        TestTenant tenant = aTenant();
        admin = tokenOf(tenant);
        root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        unitA = unit(root, "A");
        unitA1 = unit(unitA, "A1");
        unitB = unit(root, "B");
        profileA = profile(unitA, "In A", "a@example.com");
        profileA1 = profile(unitA1, "In A1", "a1@example.com");
        profileB = profile(unitB, "In B", "b@example.com");
        ouAdmin = accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, id(unitA), null));
        driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, id(profileB)));
        analyst = accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null));
    }

    @Test
    void anOuAdminSeesOnlyTheirSubtree() {
        JsonNode tree = graphQl().document(ouAdmin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree");
        assertThat(tree.path("id").asString()).isEqualTo(unitA);
        assertThat(ids(graphQl().document(ouAdmin, "tenant-portal/OrganisationUnits", Map.of()).data().path("organisationUnits")))
                .containsExactly(unitA, unitA1);
        JsonNode profiles = graphQl().document(ouAdmin, "tenant-portal/Profiles", Map.of()).data().path("profiles");
        assertThat(profiles.path("totalCount").asInt()).isEqualTo(2);
        assertThat(profiles.toString()).contains(profileA, profileA1).doesNotContain(profileB);
        for (String outside : List.of(root, unitB, profileB)) {
            assertThat(graphQl().document(ouAdmin, "tenant-portal/Node", Map.of("id", outside)).data().path("node").isNull())
                    .as(outside).isTrue();
        }
        JsonNode ancestry = graphQl().document(ouAdmin, "tenant-portal/OrganisationUnits", Map.of("under", unitA1)).data()
                .path("organisationUnits").get(0).path("ancestry");
        assertThat(ids(ancestry)).containsExactly(unitA, unitA1);
    }

    @Test
    void anOuAdminChangesNothingOutsideTheirSubtree() {
        assertThat(code(mutate(ouAdmin, "tenant-portal/UpdateProfile", Map.of("profileId", profileB, "name", "Hijacked")))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(ouAdmin, "tenant-portal/UpdateProfile", Map.of("profileId", profileA, "organisationUnitId", unitB)))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(ouAdmin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unitB, "name", "X", "email", "x@example.com")))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(ouAdmin, "tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", unitA1, "newParentId", unitB)))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(ouAdmin, "tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", unitA)))).isEqualTo("ROOT_IMMUTABLE");
        assertThat(code(mutate(ouAdmin, "tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", unitA, "newParentId", unitA1)))).isIn("ROOT_IMMUTABLE", "CYCLE");
        assertThat(code(mutate(ouAdmin, "tenant-portal/RenameOrganisationUnit", Map.of("organisationUnitId", unitB, "name", "Mine now")))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(ouAdmin, "tenant-portal/DeactivateProfile", Map.of("profileId", profileB)))).isEqualTo("NOT_FOUND");

        JsonNode inside = mutate(ouAdmin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", unitA1, "name", "Team"));
        assertThat(inside.path("userErrors")).isEmpty();
        JsonNode member = mutate(ouAdmin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unitA1, "name", "New member",
                "email", "member-" + System.nanoTime() + "@example.com"));
        assertThat(member.path("userErrors")).isEmpty();

        JsonNode b = graphQl().document(admin, "tenant-portal/Node", Map.of("id", profileB)).data().path("node");
        assertThat(b.path("name").asString()).isEqualTo("In B");
    }

    @Test
    void aDriverSeesOnlyTheirOwnProfile() {
        JsonNode mine = graphQl().document(driver, "driver-app/MyProfile", Map.of()).data().path("myProfile");
        assertThat(mine.path("id").asString()).isEqualTo(profileB);
        assertThat(mine.path("organisationUnit").isNull()).isTrue();
        for (String other : List.of(profileA, profileA1, unitA, unitB, root)) {
            assertThat(graphQl().document(driver, "tenant-portal/Node", Map.of("id", other)).data().path("node").isNull()).as(other).isTrue();
        }
        assertThat(graphQl().document(driver, "tenant-portal/Profiles", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
        JsonNode me = graphQl().document(driver, "driver-app/DriverMe", Map.of()).data().path("me");
        assertThat(me.path("roles").get(0).asString()).isEqualTo("DRIVER");
        assertThat(me.path("profile").path("id").asString()).isEqualTo(profileB);

        JsonNode updated = graphQl().document(driver, "driver-app/UpdateMyProfile", Map.of("input", Map.of("phone", "+31 6 1234 5678")))
                .payload("updateMyProfile");
        assertThat(updated.path("profile").path("phone").asString()).isEqualTo("+31612345678");
        JsonNode bad = graphQl().document(driver, "driver-app/UpdateMyProfile", Map.of("input", Map.of("phone", "12")))
                .payload("updateMyProfile");
        assertThat(bad.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID_PHONE");
    }

    @Test
    void anAnalystReadsEverythingAndWritesNothing() {
        assertThat(graphQl().document(analyst, "tenant-portal/Profiles", Map.of()).data().path("profiles").path("totalCount").asInt())
                .isGreaterThanOrEqualTo(3);
        GraphQl.Response write = graphQl().document(analyst, "tenant-portal/CreateProfile",
                Map.of("input", Map.of("organisationUnitId", root, "name", "X", "email", "analyst-made@example.com")));
        assertThat(write.errorTypes()).containsExactly("FORBIDDEN");
        assertThat(graphQl().document(analyst, "tenant-portal/Users", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
    }

    private String unit(String parent, String name) {
        return mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", parent, "name", name))
                .path("organisationUnit").path("id").asString();
    }

    private String profile(String unit, String name, String email) {
        return mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name, "email", email))
                .path("profile").path("id").asString();
    }

    private static java.util.UUID id(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().id();
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0).path("code").asString();
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }
}
