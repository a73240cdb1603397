package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * What the portal's list documents cost per request, with data behind every nested field (charge point, EVSE, profile,
 * location, tariff, tariff version, CPO and MSP CDRs): the same for a page of 5 as for a page of 50, in one transaction,
 * within a small ceiling. Counted per request ({@link StatementCounter#measure}), so background work does not count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCostIT extends IntegrationTest {

    /** Rows behind every list: more than the small page, fewer than the large one. */
    static final int ROWS = 12;

    @Autowired
    ChargerEvents chargerEvents;

    String admin;

    @BeforeAll
    void aNetworkWithSessionsAndRatedCdrs() {
        TestTenant tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String tariff = created("tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "0.50", "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21")), "tariff");
        created("tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true, "rules", List.of()),
                "tariffPlan");
        String location = created("tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation()), "location");
        JsonNode chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "COST-CP",
                "vendor", "ACME", "model", "X1", "evses", List.of(AssetFixtures.anAcEvse("NL*CST*E0001*1")))).path("chargePoint");
        ChargerRef charger = new ChargerRef(tenant.tenant().id(), GlobalId.decode(chargePoint.path("id").asString()).orElseThrow().id(), "COST-CP");
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < ROWS; i++) {
            String profile = created("tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Person " + i,
                    "email", "person" + i + "@example.com"), "profile");
            String uid = String.format("C057%06d", i);
            created("tenant-portal/CreateToken", Map.of("uid", uid, "type", "RFID", "ownerProfileId", profile), "token");
            Instant begin = start.plus(i, ChronoUnit.HOURS);
            TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
                int transaction = chargerEvents.startTransaction(charger, new ChargerEvents.TransactionStart(1, uid, 1_000, begin, null))
                        .transactionId();
                chargerEvents.meterValues(charger, 1, transaction, List.of(new ChargerEvents.MeterSample(begin.plus(10, ChronoUnit.MINUTES),
                        "Energy.Active.Import.Register", null, "Wh", BigDecimal.valueOf(3_000), "Sample.Periodic", "Outlet")));
                chargerEvents.stopTransaction(charger, new ChargerEvents.TransactionStop(transaction, uid, 6_000, begin.plus(20, ChronoUnit.MINUTES),
                        "EVDisconnected", List.of()));
            });
        }
        // the first request of a token fills caches (its issuer's keys, its tenant), which later ones only read
        graphQl().document(admin, "tenant-portal/CurrentTenant", Map.of());
    }

    /** The nested fields of each document's nodes, which must all have data. */
    static final Map<String, List<String>> NESTED = Map.of(
            "tenant-portal/MspCdrs", List.of("tariff", "tariffVersion", "profile", "location", "cpoCdr", "lines"),
            "tenant-portal/ChargingSessions", List.of("chargePoint", "evse", "profile", "cpoCdr", "mspCdr"),
            "tenant-portal/CpoCdrs", List.of("location", "evse", "profile", "mspCdr", "mspCdrs", "chargingPeriods"));

    @ParameterizedTest
    @ValueSource(strings = {"tenant-portal/MspCdrs", "tenant-portal/ChargingSessions", "tenant-portal/CpoCdrs"})
    void aPageCostsTheSameForFiveRowsAndForFifty(String document) {
        StatementCounter.Cost five = cost(document, 5, 5);
        StatementCounter.Cost fifty = cost(document, 50, ROWS);
        System.out.println("RequestCostIT: " + document + " first: 5 took " + five + ", first: 50 (" + ROWS + " rows) took " + fifty);
        assertThat(fifty).isEqualTo(five);
        assertThat(fifty.transactions()).as("transactions per request").isEqualTo(1);
        assertThat(fifty.statements()).as("statements per request").isLessThanOrEqualTo(15);
    }

    private StatementCounter.Cost cost(String document, int first, int expectedRows) {
        GraphQl.Response[] response = new GraphQl.Response[1];
        StatementCounter.Cost cost = StatementCounter.measure(() -> response[0] = graphQl().document(admin, document, Map.of("first", first)));
        assertThat(response[0].errors().isMissingNode()).as(response[0].raw()).isTrue();
        String name = document.substring(document.indexOf('/') + 1);
        JsonNode edges = response[0].data().path(Character.toLowerCase(name.charAt(0)) + name.substring(1)).path("edges");
        assertThat(edges.size()).as(document).isEqualTo(expectedRows);
        // data behind every nested field, so that none of them is skipped as null
        for (JsonNode edge : edges) {
            for (String field : NESTED.get(document)) {
                JsonNode value = edge.path("node").path(field);
                assertThat(value.isNull() || value.isMissingNode() || value.isEmpty()).as(document + " " + field + " of " + edge).isFalse();
            }
        }
        return cost;
    }

    private String created(String document, Map<String, ?> input, String field) {
        JsonNode payload = mutate(admin, document, input);
        assertThat(payload.path("userErrors")).as(document + ": " + payload).isEmpty();
        return payload.path(field).path("id").asString();
    }
}
