package io.chargebase.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * Who sees and uses which chargers (issue 17, item 2; the manual's Access Type, "Show to public with notice", Managed By
 * Operator and Charging Zones), through the GraphQL endpoint with the driver app's documents and over OCPP with a
 * simulated charger: a private location is seen and used only by the drivers of the user groups it invites, for
 * everyone else it does not exist (the map, node(id:), evsePrice); with a public notice everyone sees it with the
 * notice and only the invited may use it; a disabled zone hides its charge points; a point of interest is shown for
 * information only. Staff see everything.
 */
class ChargerAccessIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Map<String, Object> AMSTERDAM = Map.of("latitude", 52.3731, "longitude", 4.8926);
    private static final String IVY_CARD = "04AA000000000001";
    private static final String UMA_CARD = "04BB000000000002";

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    TestTenant tenant;
    String admin;
    String ivy;
    String uma;
    JsonNode garage;
    JsonNode hotel;
    JsonNode deck;
    JsonNode poi;
    String garageLocation;
    String hotelLocation;
    String publicLocation;
    String zone;

    @BeforeEach
    void aNetwork() {
        tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String ivyProfile = profile(root, "Ivy Invited", IVY_CARD);
        String umaProfile = profile(root, "Uma Uninvited", UMA_CARD);
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing",
                Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.30", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        String residents = mutate(admin, "tenant-portal/CreateUserGroup", Map.of("name", "Residents", "profileIds", List.of(ivyProfile)))
                .path("userGroup").path("id").asString();

        garageLocation = location("Private garage", 52.3740);
        garage = charger(garageLocation, "GARAGE-1", "NL*CBS*E0031*1");
        JsonNode set = mutate(admin, "tenant-portal/SetLocationAccess", Map.of("locationId", garageLocation, "access", "PRIVATE",
                "invitedUserGroupIds", List.of(residents)));
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
        assertThat(set.path("location").path("invitedUserGroups").get(0).path("name").asString()).isEqualTo("Residents");

        hotelLocation = location("Hotel", 52.3750);
        hotel = charger(hotelLocation, "HOTEL-1", "NL*CBS*E0032*1");
        mutate(admin, "tenant-portal/SetLocationAccess", Map.of("locationId", hotelLocation, "access", "PRIVATE", "publicNotice", "Hotel guests only",
                "invitedUserGroupIds", List.of(residents)));

        publicLocation = location("Public deck", 52.3760);
        deck = charger(publicLocation, "DECK-1", "NL*CBS*E0033*1");
        poi = charger(publicLocation, "POI-1", "NL*CBS*E0034*1");
        zone = mutate(admin, "tenant-portal/CreateChargingZone", Map.of("locationId", publicLocation, "name", "Deck 2"))
                .path("chargingZone").path("id").asString();
        mutate(admin, "tenant-portal/PlaceChargePoint", Map.of("chargePointId", id(deck), "zoneId", zone));
        JsonNode unmanaged = mutate(admin, "tenant-portal/SetChargePointAccess", Map.of("chargePointId", id(poi), "managedByOperator", false,
                "operatorNotice", "Run by the municipality; pay at the machine"));
        assertThat(unmanaged.path("userErrors")).as(unmanaged.toString()).isEmpty();

        ivy = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(ivyProfile).orElseThrow().id()));
        uma = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(umaProfile).orElseThrow().id()));
    }

    private String profile(String root, String name, String card) {
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", name,
                "email", name.toLowerCase().replace(' ', '.') + "@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", card, "type", "RFID", "ownerProfileId", profile));
        return profile;
    }

    private String location(String name, double latitude) {
        Map<String, Object> location = AssetFixtures.aLocation();
        location.put("name", name);
        location.put("latitude", latitude);
        return mutate(admin, "tenant-portal/CreateLocation", location).path("location").path("id").asString();
    }

    private JsonNode charger(String location, String identity, String evseId) {
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse(evseId))));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
        return registered;
    }

    private static String id(JsonNode registered) {
        return registered.path("chargePoint").path("id").asString();
    }

    private static String evse(JsonNode registered) {
        return registered.path("chargePoint").path("evses").get(0).path("id").asString();
    }

    /** The map as the driver sees it: location name → the identities of its charge points. */
    private Map<String, List<String>> map(String driver) {
        GraphQl.Response response = graphQl().document(driver, "driver-app/FindChargers", Map.of("near", AMSTERDAM));
        assertThat(response.errorTypes()).as(response.raw()).isEmpty();
        Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        response.data().path("findChargers").path("edges").forEach(edge -> {
            List<String> points = new ArrayList<>();
            edge.path("node").path("chargePoints").forEach(point -> points.add(point.path("id").asString()));
            seen.put(edge.path("node").path("name").asString(), points);
        });
        return seen;
    }

    private JsonNode node(String token, String id) {
        GraphQl.Response response = graphQl().document(token, "driver-app/ChargerNode", Map.of("id", id));
        assertThat(response.errorTypes()).as(response.raw()).isEmpty();
        return response.data().path("node");
    }

    private JsonNode chargePointOnMap(String driver, String location, String chargePoint) {
        GraphQl.Response response = graphQl().document(driver, "driver-app/FindChargers", Map.of("near", AMSTERDAM));
        for (JsonNode edge : response.data().path("findChargers").path("edges")) {
            if (edge.path("node").path("name").asString().equals(location)) {
                for (JsonNode point : edge.path("node").path("chargePoints")) {
                    if (point.path("id").asString().equals(chargePoint)) {
                        return point;
                    }
                }
            }
        }
        throw new AssertionError(chargePoint + " is not on the map at " + location + ": " + response.raw());
    }

    @Test
    void aPrivateLocationExistsOnlyForTheDriversItInvites() {
        assertThat(map(ivy)).containsKeys("Private garage", "Hotel", "Public deck");
        assertThat(map(uma)).doesNotContainKey("Private garage").containsKeys("Hotel", "Public deck");
        assertThat(chargePointOnMap(ivy, "Private garage", id(garage)).path("driverAccess").path("usable").asBoolean()).isTrue();

        // for the uninvited driver the location, its charge point and its EVSE are as unknown ids
        assertThat(node(uma, garageLocation).isNull()).isTrue();
        assertThat(node(uma, id(garage)).isNull()).isTrue();
        assertThat(node(uma, evse(garage)).isNull()).isTrue();
        GraphQl.Response price = graphQl().document(uma, "driver-app/EvsePrice", Map.of("evseId", "NL*CBS*E0031*1"));
        assertThat(price.errorTypes()).as(price.raw()).containsExactly("BAD_REQUEST");
        assertThat(price.raw()).doesNotContain("0.30");

        assertThat(node(ivy, garageLocation).path("name").asString()).isEqualTo("Private garage");
        assertThat(node(ivy, evse(garage)).path("evseId").asString()).isEqualTo("NL*CBS*E0031*1");
        assertThat(graphQl().document(ivy, "driver-app/EvsePrice", Map.of("evseId", "NL*CBS*E0031*1")).errorTypes()).isEmpty();
        // staff see every charger, and nobody is "invited" for them
        JsonNode staffView = node(admin, id(garage));
        assertThat(staffView.path("ocppIdentity").asString()).isEqualTo("GARAGE-1");
        assertThat(staffView.path("driverAccess").path("usable").asBoolean()).isFalse();
    }

    @Test
    void aPrivateLocationShownToThePublicCarriesItsNoticeAndIsUsableOnlyByTheInvited() {
        JsonNode umaView = chargePointOnMap(uma, "Hotel", id(hotel));
        assertThat(umaView.path("driverAccess").path("driverNotice").asString()).isEqualTo("Hotel guests only");
        assertThat(umaView.path("driverAccess").path("usable").asBoolean()).isFalse();
        JsonNode ivyView = chargePointOnMap(ivy, "Hotel", id(hotel));
        assertThat(ivyView.path("driverAccess").path("driverNotice").isNull()).isTrue();
        assertThat(ivyView.path("driverAccess").path("usable").asBoolean()).isTrue();
        assertThat(node(uma, hotelLocation).path("publicNotice").asString()).isEqualTo("Hotel guests only");
    }

    @Test
    void aDisabledZoneHidesItsChargePoints() {
        assertThat(map(uma).get("Public deck")).contains(id(deck), id(poi));
        JsonNode disabled = mutate(admin, "tenant-portal/SetChargingZoneDisabled", Map.of("zoneId", zone, "disabled", true));
        assertThat(disabled.path("chargingZone").path("disabled").asBoolean()).isTrue();
        assertThat(map(uma).get("Public deck")).containsExactly(id(poi));
        assertThat(node(uma, id(deck)).isNull()).isTrue();
        assertThat(node(admin, id(deck)).path("ocppIdentity").asString()).isEqualTo("DECK-1");
        mutate(admin, "tenant-portal/SetChargingZoneDisabled", Map.of("zoneId", zone, "disabled", false));
        assertThat(map(uma).get("Public deck")).contains(id(deck));
    }

    @Test
    void aPointOfInterestIsShownForInformationOnly() {
        JsonNode view = chargePointOnMap(uma, "Public deck", id(poi));
        assertThat(view.path("driverAccess").path("managedByOperator").asBoolean()).isFalse();
        assertThat(view.path("driverAccess").path("driverNotice").asString()).isEqualTo("Run by the municipality; pay at the machine");
        assertThat(view.path("driverAccess").path("usable").asBoolean()).isFalse();
        // a point of interest needs its notice; bad input changes nothing
        JsonNode refused = mutate(admin, "tenant-portal/SetChargePointAccess", Map.of("chargePointId", id(deck), "managedByOperator", false));
        assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");
        assertThat(chargePointOnMap(uma, "Public deck", id(deck)).path("driverAccess").path("usable").asBoolean()).isTrue();
        JsonNode unknownGroup = mutate(admin, "tenant-portal/SetLocationAccess", Map.of("locationId", publicLocation, "access", "PRIVATE",
                "invitedUserGroupIds", List.of(GlobalId.encode("UserGroup", java.util.UUID.randomUUID()))));
        assertThat(unknownGroup.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(map(uma)).containsKey("Public deck");
    }

    @Test
    void theChargerRefusesTheUninvitedDriversCardOverOcpp() {
        String secret = garage.path("chargerSecret").asString();
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "GARAGE-1", secret).join()) {
            assertThat(call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                    .path("status").asString()).isEqualTo("Accepted");
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", UMA_CARD)).path("idTagInfo").path("status").asString())
                    .isEqualTo("Invalid");
            JsonNode refused = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", UMA_CARD)
                    .put("meterStart", 0).put("timestamp", SimulatedCharger.now()));
            assertThat(refused.path("idTagInfo").path("status").asString()).isEqualTo("Invalid");
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", IVY_CARD)).path("idTagInfo").path("status").asString())
                    .isEqualTo("Accepted");
            JsonNode started = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", IVY_CARD)
                    .put("meterStart", 0).put("timestamp", SimulatedCharger.now()));
            assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        }
    }

    @Test
    void aPointOfInterestTakesNoCardAtAll() {
        String secret = poi.path("chargerSecret").asString();
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "POI-1", secret).join()) {
            call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", IVY_CARD)).path("idTagInfo").path("status").asString())
                    .isEqualTo("Invalid");
        }
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }
}
