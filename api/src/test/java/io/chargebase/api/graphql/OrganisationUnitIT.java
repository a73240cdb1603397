package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;

class OrganisationUnitIT extends IntegrationTest {

    private TestTenant tenant;
    private String token;
    private String rootId;

    @BeforeEach
    void newTenant() {
        tenant = aTenant();
        token = tokenOf(tenant);
        rootId = graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
    }

    private String create(String parentId, String name) {
        JsonNode payload = mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", parentId, "name", name));
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload.path("organisationUnit").path("id").asString();
    }

    private JsonNode firstError(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0);
    }

    @Test
    void aNewTenantHasOneRootNamedAfterIt() {
        JsonNode tree = graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree");
        assertThat(tree.path("isRoot").asBoolean()).isTrue();
        assertThat(tree.path("depth").asInt()).isZero();
        assertThat(tree.path("name").asString()).startsWith("Tenant ");
        assertThat(tree.path("children")).isEmpty();
    }

    @Test
    void unitsNestAndTheTreeListsThemParentsFirst() {
        String fleet = create(rootId, "Fleet");
        String north = create(fleet, "North");
        create(fleet, "South");
        create(north, "Depot 1");

        JsonNode units = graphQl().document(token, "tenant-portal/OrganisationUnits", Map.of()).data().path("organisationUnits");
        List<String> names = new ArrayList<>();
        units.forEach(unit -> names.add(unit.path("name").asString()));
        assertThat(names).hasSize(5);
        assertThat(names.indexOf("Fleet")).isLessThan(names.indexOf("North"));
        assertThat(names.indexOf("North")).isLessThan(names.indexOf("Depot 1"));

        JsonNode subtree = graphQl().document(token, "tenant-portal/OrganisationUnits", Map.of("under", north)).data().path("organisationUnits");
        assertThat(subtree).hasSize(2);
        JsonNode depot = subtree.get(1);
        assertThat(depot.path("depth").asInt()).isEqualTo(3);
        assertThat(depot.path("ancestry")).hasSize(4);
        assertThat(depot.path("parent").path("id").asString()).isEqualTo(north);
    }

    @Test
    void siblingsMayNotShareANameButCousinsMay() {
        String a = create(rootId, "A");
        String b = create(rootId, "B");
        create(a, "Team");
        create(b, "Team");
        JsonNode duplicate = mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", a, "name", "team"));
        assertThat(firstError(duplicate).path("code").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("organisationUnit").isNull()).isTrue();
    }

    @Test
    void renamingKeepsThePlaceInTheTree() {
        String unit = create(rootId, "Old name");
        JsonNode renamed = mutate(token, "tenant-portal/RenameOrganisationUnit", Map.of("organisationUnitId", unit, "name", "  New name "));
        assertThat(renamed.path("organisationUnit").path("name").asString()).isEqualTo("New name");
        JsonNode blank = mutate(token, "tenant-portal/RenameOrganisationUnit", Map.of("organisationUnitId", unit, "name", " "));
        assertThat(firstError(blank).path("code").asString()).isEqualTo("REQUIRED");
        assertThat(firstError(blank).path("field").toString()).isEqualTo("[\"input\",\"name\"]");
    }

    @Test
    void movingASubtreeCarriesEveryDescendant() {
        String fleet = create(rootId, "Fleet");
        String north = create(fleet, "North");
        String depot = create(north, "Depot");
        String other = create(rootId, "Other");

        JsonNode moved = mutate(token, "tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", north, "newParentId", other));
        assertThat(moved.path("userErrors")).isEmpty();
        assertThat(moved.path("organisationUnit").path("parent").path("id").asString()).isEqualTo(other);

        JsonNode depotNode = graphQl().query(token, "query($id: ID!) { node(id: $id) { ... on OrganisationUnit { depth ancestry { id } } } }",
                Map.of("id", depot)).data().path("node");
        assertThat(depotNode.path("depth").asInt()).isEqualTo(3);
        List<String> ancestry = new ArrayList<>();
        depotNode.path("ancestry").forEach(unit -> ancestry.add(unit.path("id").asString()));
        assertThat(ancestry).containsExactly(rootId, other, north, depot);

        JsonNode underFleet = graphQl().document(token, "tenant-portal/OrganisationUnits", Map.of("under", fleet)).data().path("organisationUnits");
        assertThat(underFleet).hasSize(1);
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsDescendants() {
        String fleet = create(rootId, "Fleet");
        String north = create(fleet, "North");
        String depot = create(north, "Depot");
        for (String target : List.of(fleet, north, depot)) {
            JsonNode refused = mutate(token, "tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", fleet, "newParentId", target));
            assertThat(firstError(refused).path("code").asString()).isEqualTo("CYCLE");
            assertThat(firstError(refused).path("field").toString()).isEqualTo("[\"input\",\"newParentId\"]");
        }
        JsonNode fleetNode = graphQl().query(token, "query($id: ID!) { node(id: $id) { ... on OrganisationUnit { parent { id } } } }",
                Map.of("id", fleet)).data().path("node");
        assertThat(fleetNode.path("parent").path("id").asString()).isEqualTo(rootId);
    }

    @Test
    void theRootCannotBeMovedOrDeleted() {
        String child = create(rootId, "Child");
        JsonNode move = mutate(token, "tenant-portal/MoveOrganisationUnit", Map.of("organisationUnitId", rootId, "newParentId", child));
        assertThat(firstError(move).path("code").asString()).isIn("ROOT_IMMUTABLE", "CYCLE");
        JsonNode delete = mutate(token, "tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", rootId));
        assertThat(firstError(delete).path("code").asString()).isEqualTo("ROOT_IMMUTABLE");
    }

    @Test
    void aUnitItsOuAdminsAdministerIsNotDeleted() {
        String unit = create(rootId, "Administered");
        aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(unit).orElseThrow().id(), null);
        JsonNode withAdmin = mutate(token, "tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", unit));
        assertThat(firstError(withAdmin).path("code").asString()).isEqualTo("NOT_EMPTY");
        assertThat(firstError(withAdmin).path("message").asString()).contains("OU admins administer this unit");
    }

    @Test
    void onlyAnEmptyUnitCanBeDeleted() {
        String parent = create(rootId, "Parent");
        String child = create(parent, "Child");
        JsonNode withChild = mutate(token, "tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", parent));
        assertThat(firstError(withChild).path("code").asString()).isEqualTo("NOT_EMPTY");

        mutate(token, "tenant-portal/CreateProfile", Map.of("organisationUnitId", child, "name", "Member", "email", "member@example.com"));
        JsonNode withMember = mutate(token, "tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", child));
        assertThat(firstError(withMember).path("code").asString()).isEqualTo("NOT_EMPTY");

        String empty = create(parent, "Empty");
        JsonNode deleted = mutate(token, "tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", empty));
        assertThat(deleted.path("deletedOrganisationUnitId").asString()).isEqualTo(empty);
        assertThat(graphQl().document(token, "tenant-portal/Node", Map.of("id", empty)).data().path("node").isNull()).isTrue();
    }

    @Test
    void unknownAndMalformedIdsAreUserErrorsNotFailures() {
        JsonNode malformed = mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", "not-an-id", "name", "X"));
        assertThat(firstError(malformed).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(firstError(malformed).path("field").toString()).isEqualTo("[\"input\",\"parentId\"]");

        String profileId = GlobalId.encode("Profile", java.util.UUID.randomUUID());
        JsonNode wrongType = mutate(token, "tenant-portal/RenameOrganisationUnit", Map.of("organisationUnitId", profileId, "name", "X"));
        assertThat(firstError(wrongType).path("code").asString()).isEqualTo("NOT_FOUND");

        String tooLong = "x".repeat(201);
        JsonNode longName = mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", rootId, "name", tooLong));
        assertThat(firstError(longName).path("code").asString()).isEqualTo("TOO_LONG");
    }
}
