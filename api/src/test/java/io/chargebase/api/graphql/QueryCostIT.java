package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;

/** Nested fields are batch-loaded: the SQL a query costs does not grow with the number of rows it returns. */
class QueryCostIT extends IntegrationTest {

    @Test
    void aPageOfProfilesWithTheirUnitsCostsTheSameForFiveAndFiftyRows() {
        String token = tokenOf(aTenant());
        String root = graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        List<String> units = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            units.add(mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Unit " + u))
                    .path("organisationUnit").path("id").asString());
        }
        for (int p = 0; p < 50; p++) {
            mutate(token, "tenant-portal/CreateProfile", Map.of("organisationUnitId", units.get(p % 5), "name", "Person " + p,
                    "email", "person" + p + "@example.com"));
        }
        long five = StatementCounter.during(() -> assertNoErrors(graphQl().document(token, "tenant-portal/Profiles", Map.of("first", 5))));
        long fifty = StatementCounter.during(() -> assertNoErrors(graphQl().document(token, "tenant-portal/Profiles", Map.of("first", 50))));
        assertThat(fifty).isEqualTo(five);
        assertThat(five).as("statements for one page").isBetween(2L, 12L);
    }

    @Test
    void theTreeCostsTheSameForThreeUnitsAndForThirty() {
        String small = tokenOf(aTenant());
        String large = tokenOf(aTenant());
        grow(small, 1);
        grow(large, 5);
        long smallCost = StatementCounter.during(() -> assertNoErrors(graphQl().document(small, "tenant-portal/OrganisationTree", Map.of())));
        long largeCost = StatementCounter.during(() -> assertNoErrors(graphQl().document(large, "tenant-portal/OrganisationTree", Map.of())));
        assertThat(largeCost).isEqualTo(smallCost).isPositive();
        long unitsCost = StatementCounter.during(() -> assertNoErrors(graphQl().document(large, "tenant-portal/OrganisationUnits", Map.of())));
        assertThat(unitsCost).isLessThanOrEqualTo(smallCost + 2);
    }

    private void grow(String token, int width) {
        String root = graphQl().document(token, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        for (int a = 0; a < width; a++) {
            String child = mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "A" + a))
                    .path("organisationUnit").path("id").asString();
            for (int b = 0; b < width; b++) {
                mutate(token, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", child, "name", "B" + b));
            }
        }
    }

    private static void assertNoErrors(GraphQl.Response response) {
        assertThat(response.errors().isMissingNode()).as(response.raw()).isTrue();
    }
}
