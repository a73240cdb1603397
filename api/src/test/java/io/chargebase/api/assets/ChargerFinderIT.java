package io.chargebase.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.identity.UserRole;

/**
 * The driver app's map (issue 17, item 1), through the GraphQL endpoint with the driver app's documents: locations
 * near a point nearest first or in a map box (across the antimeridian too), the filters a driver uses, each EVSE's
 * price for the signed-in driver, pages by cursor, and bad input answered with a clear error.
 */
class ChargerFinderIT extends IntegrationTest {

    /** A tenant whose active plan prices everything at 0.30/kWh, an admin, and a signed-in driver. */
    record TestMap(TestTenant tenant, String admin, String driver, String profile) {
    }

    TestMap aMap() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana-" + tenant.tenant().slug() + "@example.com")).path("profile").path("id").asString();
        JsonNode tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing",
                Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.30", "vatPercent", "21")));
        assertThat(tariff.path("userErrors")).as(tariff.toString()).isEmpty();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff.path("tariff").path("id").asString(),
                "activate", true));
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
        return new TestMap(tenant, admin, driver, profile);
    }

    /** A location at the coordinates with one charge point of the EVSEs given; returns the charge point's registration. */
    JsonNode aCharger(String admin, String name, double latitude, double longitude, String identity,
            List<Map<String, Object>> evses) {
        Map<String, Object> location = AssetFixtures.aLocation();
        location.put("name", name);
        location.put("latitude", latitude);
        location.put("longitude", longitude);
        String id = mutate(admin, "tenant-portal/CreateLocation", location).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint",
                Map.of("locationId", id, "ocppIdentity", identity, "evses", evses));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
        return registered;
    }

    static Map<String, Object> aDcEvse(String evseId) {
        Map<String, Object> evse = new HashMap<>();
        evse.put("evseId", evseId);
        evse.put("currentType", "DC");
        evse.put("maxPowerKw", 150.0);
        evse.put("connectors", List.of(Map.of("standard", "IEC_62196_T2_COMBO", "format", "CABLE", "powerType", "DC",
                "maxVoltage", 920, "maxAmperage", 200)));
        return evse;
    }

    GraphQl.Response find(String driver, Map<String, ?> variables) {
        return graphQl().document(driver, "driver-app/FindChargers", variables);
    }

    static List<String> names(GraphQl.Response response) {
        assertThat(response.errorTypes()).as(response.raw().substring(0, Math.min(500, response.raw().length()))).isEmpty();
        List<String> names = new ArrayList<>();
        response.data().path("findChargers").path("edges").forEach(edge -> names.add(edge.path("node").path("name").asString()));
        return names;
    }

    static final Map<String, Object> AMSTERDAM = Map.of("latitude", 52.3731, "longitude", 4.8926);

    @Test
    void nearAPointNearestFirstWithFiltersPricesAndPages() {
        TestMap map = aMap();
        // Dam square; the station 1.3 km away, Utrecht 35 km, Haarlem 18 km, Paris 430 km
        aCharger(map.admin(), "Station", 52.378901, 4.900272, "FIND-AMS", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1")));
        JsonNode utrecht = aCharger(map.admin(), "Utrecht", 52.0894, 5.1100, "FIND-UTR", List.of(aDcEvse("NL*CBS*E0002*1")));
        aCharger(map.admin(), "Haarlem", 52.3874, 4.6462, "FIND-HAA", List.of(AssetFixtures.anAcEvse("NL*CBS*E0003*1")));
        aCharger(map.admin(), "Paris", 48.8566, 2.3522, "FIND-PAR", List.of(aDcEvse("NL*CBS*E0004*1")));

        GraphQl.Response near = find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 50));
        assertThat(names(near)).containsExactly("Station", "Haarlem", "Utrecht");
        JsonNode first = near.data().path("findChargers").path("edges").get(0);
        assertThat(first.path("distanceKm").asDouble()).isBetween(0.5, 1.0);
        assertThat(near.data().path("findChargers").path("edges").get(2).path("distanceKm").asDouble()).isBetween(30.0, 35.0);
        JsonNode evse = first.path("node").path("chargePoints").get(0).path("evses").get(0);
        assertThat(evse.path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(evse.path("price").path("elements").get(0).path("components").get(0).path("price").asString()).isEqualTo("0.30");
        assertThat(first.path("node").path("chargePoints").get(0).path("driverAccess").path("usable").asBoolean()).isTrue();
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM)))).as("25 km by default").containsExactly("Station", "Haarlem");
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 500)))).hasSize(4);

        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 500, "filter", Map.of("currentType", "DC")))))
                .containsExactly("Utrecht", "Paris");
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 50, "filter", Map.of("minPowerKw", 50)))))
                .containsExactly("Utrecht");
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 50, "filter", Map.of("standards", List.of("IEC_62196_T2"))))))
                .containsExactly("Station", "Haarlem");
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 50, "filter", Map.of("availableNow", true))))).isEmpty();
        String utrechtEvse = utrecht.path("chargePoint").path("evses").get(0).path("id").asString();
        mutate(map.admin(), "tenant-portal/SetEvseStatus", Map.of("evseId", utrechtEvse, "status", "AVAILABLE"));
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 50, "filter", Map.of("availableNow", true)))))
                .containsExactly("Utrecht");

        // pages continue by distance
        GraphQl.Response page1 = find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 500, "first", 3));
        assertThat(names(page1)).containsExactly("Station", "Haarlem", "Utrecht");
        JsonNode info = page1.data().path("findChargers").path("pageInfo");
        assertThat(info.path("hasNextPage").asBoolean()).isTrue();
        GraphQl.Response page2 = find(map.driver(), Map.of("near", AMSTERDAM, "radiusKm", 500, "first", 3, "after", info.path("endCursor").asString()));
        assertThat(names(page2)).containsExactly("Paris");
        assertThat(page2.data().path("findChargers").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void freeOfChargeKeepsTheLocationsWhereTheDriverPaysNothing() {
        TestMap map = aMap();
        aCharger(map.admin(), "Paid", 52.378901, 4.900272, "FREE-1", List.of(AssetFixtures.anAcEvse("NL*CBS*E0011*1")));
        JsonNode free = aCharger(map.admin(), "Free", 52.38, 4.91, "FREE-2", List.of(AssetFixtures.anAcEvse("NL*CBS*E0012*1")));
        String freeTariff = mutate(map.admin(), "tenant-portal/CreateTariff", Map.of("name", "Free", "pricing", Map.of("kind", "FREE")))
                .path("tariff").path("id").asString();
        String group = mutate(map.admin(), "tenant-portal/CreateTariffGroup", Map.of("name", "Sponsored")).path("tariffGroup").path("id").asString();
        JsonNode attached = mutate(map.admin(), "tenant-portal/AttachTariff", Map.of("tariffGroupId", group, "tariffId", freeTariff));
        assertThat(attached.path("userErrors")).as(attached.toString()).isEmpty();
        JsonNode set = mutate(map.admin(), "tenant-portal/SetEvseTariffGroup", Map.of("evseId",
                free.path("chargePoint").path("evses").get(0).path("id").asString(), "tariffGroupId", group));
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();

        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM)))).containsExactly("Paid", "Free");
        assertThat(names(find(map.driver(), Map.of("near", AMSTERDAM, "filter", Map.of("freeOfCharge", true))))).containsExactly("Free");
    }

    @Test
    void aBoxAcrossTheAntimeridianAndTheWholeWorld() {
        TestMap map = aMap();
        aCharger(map.admin(), "Taveuni", -16.85, 179.95, "BOX-E", List.of(AssetFixtures.anAcEvse("NL*CBS*E0021*1")));
        aCharger(map.admin(), "Samoa", -16.9, -179.9, "BOX-W", List.of(AssetFixtures.anAcEvse("NL*CBS*E0022*1")));
        aCharger(map.admin(), "Greenwich", 51.4769, 0.0, "BOX-G", List.of(AssetFixtures.anAcEvse("NL*CBS*E0023*1")));

        assertThat(names(find(map.driver(), Map.of("box", Map.of("south", -20, "west", 179, "north", -10, "east", -179)))))
                .containsExactlyInAnyOrder("Taveuni", "Samoa");
        assertThat(names(find(map.driver(), Map.of("box", Map.of("south", -20, "west", 179, "north", -10, "east", 180)))))
                .containsExactly("Taveuni");
        assertThat(names(find(map.driver(), Map.of("box", Map.of("south", -90, "west", -180, "north", 90, "east", 180)))))
                .containsExactlyInAnyOrder("Taveuni", "Samoa", "Greenwich");
        // a circle around a point near the antimeridian reaches both sides
        assertThat(names(find(map.driver(), Map.of("near", Map.of("latitude", -16.87, "longitude", 180.0), "radiusKm", 50))))
                .containsExactlyInAnyOrder("Taveuni", "Samoa");
        // box pages: two of three, then the last
        GraphQl.Response page1 = find(map.driver(), Map.of("box", Map.of("south", -90, "west", -180, "north", 90, "east", 180), "first", 2));
        assertThat(names(page1)).hasSize(2);
        GraphQl.Response page2 = find(map.driver(), Map.of("box", Map.of("south", -90, "west", -180, "north", 90, "east", 180), "first", 2,
                "after", page1.data().path("findChargers").path("pageInfo").path("endCursor").asString()));
        assertThat(names(page2)).hasSize(1).doesNotContainAnyElementsOf(names(page1));
    }

    @Test
    void badInputIsAClearErrorNeverACrash() {
        TestMap map = aMap();
        for (Map<String, ?> variables : List.<Map<String, ?>>of(
                Map.of("near", Map.of("latitude", 91, "longitude", 0)),
                Map.of("near", Map.of("latitude", 0, "longitude", -180.5)),
                Map.of("near", AMSTERDAM, "radiusKm", 0),
                Map.of("near", AMSTERDAM, "radiusKm", 5000),
                Map.of("box", Map.of("south", 10, "west", 0, "north", -10, "east", 1)),
                Map.of("near", AMSTERDAM, "box", Map.of("south", -10, "west", 0, "north", 10, "east", 1)),
                Map.of(),
                Map.of("near", AMSTERDAM, "after", "bm90LWEtY3Vyc29y"),
                Map.of("near", AMSTERDAM, "after", "Yjo0YjVhMmQ0Yy0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA"),
                Map.of("near", AMSTERDAM, "first", 0),
                Map.of("near", AMSTERDAM, "filter", Map.of("minPowerKw", -1)))) {
            GraphQl.Response response = find(map.driver(), variables);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            assertThat(response.errorTypes()).as(variables + " → " + response.raw()).containsExactly("BAD_REQUEST");
            assertThat(response.errors().get(0).path("message").asString()).as(response.raw()).isNotBlank();
        }
    }

    @Test
    void theStatementCountDoesNotGrowWithThePageSize() {
        TestMap map = aMap();
        for (int i = 0; i < 12; i++) {
            aCharger(map.admin(), "Site " + i, 52.37 + i * 0.001, 4.89, "COUNT-" + i,
                    List.of(AssetFixtures.anAcEvse("NL*CBS*E1" + String.format("%03d", i) + "*1"), aDcEvse("NL*CBS*E1" + String.format("%03d", i) + "*2")));
        }
        // the first request of a signed-in driver also loads what is cached per caller (revocations, the tenant)
        names(find(map.driver(), Map.of("near", AMSTERDAM, "first", 1)));
        GraphQl.Response[] small = new GraphQl.Response[1];
        GraphQl.Response[] large = new GraphQl.Response[1];
        long two = StatementCounter.during(() -> small[0] = find(map.driver(), Map.of("near", AMSTERDAM, "first", 2)));
        long ten = StatementCounter.during(() -> large[0] = find(map.driver(), Map.of("near", AMSTERDAM, "first", 10)));
        assertThat(names(small[0])).hasSize(2);
        assertThat(names(large[0])).hasSize(10);
        assertThat(large[0].data().path("findChargers").path("edges").get(9).path("node").path("chargePoints").get(0).path("evses").get(1)
                .path("price").path("currency").asString()).isEqualTo("EUR");
        System.out.println("ChargerFinderIT: findChargers took " + two + " SQL statements for 2 locations, " + ten + " for 10");
        assertThat(ten).as("statements for 10 locations with 20 priced EVSEs").isEqualTo(two);
    }

    @Test
    void onlyDriversFindChargers() {
        TestMap map = aMap();
        GraphQl.Response staff = find(map.admin(), Map.of("near", AMSTERDAM));
        assertThat(staff.errorTypes()).as(staff.raw()).containsExactly("FORBIDDEN");
        GraphQl.Response anonymous = graphQlOf(map.tenant()).document(null, "driver-app/FindChargers", Map.of("near", AMSTERDAM));
        assertThat(anonymous.raw()).doesNotContain("\"edges\"");
    }
}
