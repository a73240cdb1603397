package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.domain.assets.NewLocation;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Nested fields are batch-loaded: the SQL a query costs does not grow with the number of rows it returns. And what a
 * query may fan out to is bounded before it runs: pages weigh by their size ({@link QueryCost}).
 */
class QueryCostIT extends IntegrationTest {

    /** The cycle of issue 11: about 100·k² resolver calls for k commands per charge point, at depth 11. */
    static final String COMMAND_CYCLE = """
            { chargePoints(first: 100) { edges { node { commands(first: 100) { edges { node {
                chargePoint { commands(first: 100) { edges { node { id action } } } } } } } } } } }""";

    @Autowired
    Locations locations;

    @Autowired
    ChargePoints chargePoints;

    @Autowired
    ChargerCommandLog commandLog;

    @Test
    void theCommandCycleIsRefusedBeforeAnythingRuns() {
        TestTenant tenant = aTenant();
        String token = tokenOf(tenant);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            var location = locations.create(new NewLocation("Depot", "Dock 1", "1012 AB", "Amsterdam", "NL",
                    new BigDecimal("52.378901"), new BigDecimal("4.900272"), "Europe/Amsterdam", AssetTypes.Access.PUBLIC, null, null));
            for (int c = 0; c < 2; c++) {
                var chargePoint = chargePoints.register(new NewChargePoint(location.id(), "CYCLE-CP-" + c, "ACME", "X1", null,
                        AssetTypes.ChargePointStatus.ACTIVE, List.of(new NewChargePoint.NewEvse(null, AssetTypes.CurrentType.AC,
                        new BigDecimal("22"), List.of(new NewChargePoint.NewConnector(AssetTypes.ConnectorStandard.IEC_62196_T2,
                        AssetTypes.ConnectorFormat.SOCKET, AssetTypes.PowerType.AC_3_PHASE, 400, 32)))))).chargePoint();
                for (int k = 0; k < 10; k++) {
                    commandLog.begin(chargePoint.id(), "Reset", "{\"type\":\"Soft\"}", "test", "test");
                }
            }
        });
        // what a request costs that runs nothing at all (its token is checked, its document refused by validation)
        long baseline = StatementCounter.steady(() -> graphQl().query(token, "{ noSuchField }", Map.of())).statements();
        GraphQl.Response[] response = new GraphQl.Response[1];
        long statements = StatementCounter.steady(() -> response[0] = graphQl().query(token, COMMAND_CYCLE, Map.of())).statements();
        System.out.println("QueryCostIT: the command cycle over 2 charge points with 10 commands each took " + statements
                + " SQL statements (" + response[0].raw().length() + " characters of answer)");

        assertThat(response[0].errors().get(0).path("message").asString()).as(response[0].raw())
                .contains("more than the 20000 allowed").contains("smaller pages");
        assertThat(response[0].data().path("chargePoints").isMissingNode() || response[0].data().path("chargePoints").isNull()).isTrue();
        assertThat(statements).as("nothing of the query ran").isLessThanOrEqualTo(baseline);
    }

    @Test
    void aliasesOfLargePagesAreRefusedAndOrdinaryPagesRun() {
        String token = tokenOf(aTenant());
        GraphQl.Response refused = graphQl().query(token, aliases("{", 199, "profiles(first: 100) { edges { node { name email } } }"), Map.of());
        assertThat(refused.errors().get(0).path("message").asString()).as(refused.raw()).contains("more than the 20000 allowed");

        assertNoErrors(graphQl().query(token, aliases("{", 5, "profiles(first: 100) { edges { node { name email } } }"), Map.of()));
    }

    /** A document's cost is remembered (QueryCost), per the variables sent: the same text with a larger page is weighed anew. */
    @Test
    void theSameDocumentIsWeighedByTheVariablesItIsSentWith() {
        String token = tokenOf(aTenant());
        String pages = aliases("query Pages($first: Int) {", 199, "profiles(first: $first) { edges { node { name } } }");
        assertNoErrors(graphQl().query(token, pages, Map.of("first", 1)));
        GraphQl.Response refused = graphQl().query(token, pages, Map.of("first", 100));
        assertThat(refused.errors().get(0).path("message").asString()).as(refused.raw()).contains("more than the 20000 allowed");
        assertNoErrors(graphQl().query(token, pages, Map.of("first", 1)));
        assertThat(graphQl().query(token, pages, Map.of("first", 100)).errors()).as("refused again").isNotEmpty();
    }

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
        long five = StatementCounter.steady(() -> assertNoErrors(graphQl().document(token, "tenant-portal/Profiles", Map.of("first", 5)))).statements();
        long fifty = StatementCounter.steady(() -> assertNoErrors(graphQl().document(token, "tenant-portal/Profiles", Map.of("first", 50)))).statements();
        assertThat(fifty).isEqualTo(five);
        assertThat(five).as("statements for one page").isBetween(2L, 12L);
    }

    @Test
    void theTreeCostsTheSameForThreeUnitsAndForThirty() {
        String small = tokenOf(aTenant());
        String large = tokenOf(aTenant());
        grow(small, 1);
        grow(large, 5);
        long smallCost = StatementCounter.steady(() -> assertNoErrors(graphQl().document(small, "tenant-portal/OrganisationTree", Map.of()))).statements();
        long largeCost = StatementCounter.steady(() -> assertNoErrors(graphQl().document(large, "tenant-portal/OrganisationTree", Map.of()))).statements();
        assertThat(largeCost).isEqualTo(smallCost).isPositive();
        long unitsCost = StatementCounter.steady(() -> assertNoErrors(graphQl().document(large, "tenant-portal/OrganisationUnits", Map.of()))).statements();
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

    /** A document of {@code count} aliases p0, p1, … of the same field. */
    private static String aliases(String opening, int count, String field) {
        StringBuilder document = new StringBuilder(opening);
        for (int i = 0; i < count; i++) {
            document.append(" p").append(i).append(": ").append(field);
        }
        return document.append(" }").toString();
    }
}
