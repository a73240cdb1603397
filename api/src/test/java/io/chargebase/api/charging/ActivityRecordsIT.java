package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The records the manual lists under ACTIVITY and a charge point's Logs (issue 12, item 16), from a simulated charger
 * over a real socket: every Authorize and StartTransaction as an authorisation (an unknown card's UID readable by
 * staff, to register it), ReserveNow as a reservation with its expiry, outcome, cancellation or use, and the charge
 * point's network status history. Staff lists: an OU admin sees those of the charge points they operate, a driver none.
 */
class ActivityRecordsIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String IDENTITY = "ACTIVITY-CP-1";
    private static final String CARD = "0C1B2C3D";
    private static final String OTHER_CARD = "0D1B2C3D";
    private static final String UNKNOWN_CARD = "0E0E0E0E";

    @Autowired
    ChargingSweeper sweeper;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /** A charger at a location of unit A; Ann of unit A with a card, Bob of unit B with one; admins of A and of B, and Ann as a driver. */
    private record Site(TestTenant tenant, String admin, String secret, String chargePoint, String ouAdminA, String ouAdminB, String driver) {
    }

    private Site aSite() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String unitA = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "A")).path("organisationUnit")
                .path("id").asString();
        String unitB = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "B")).path("organisationUnit")
                .path("id").asString();
        String ann = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unitA, "name", "Ann", "email", "ann@example.com"))
                .path("profile").path("id").asString();
        String bob = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unitB, "name", "Bob", "email", "bob@example.com"))
                .path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", ann));
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", OTHER_CARD, "type", "RFID", "ownerProfileId", bob));
        String free = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Free", "pricing", Map.of("kind", "FREE"))).path("tariff")
                .path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", free, "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        mutate(admin, "tenant-portal/SetLocationOwner", Map.of("locationId", location, "organisationUnitId", unitA));
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", IDENTITY,
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0002*1"))));
        return new Site(tenant, admin, registered.path("chargerSecret").asString(), registered.path("chargePoint").path("id").asString(),
                accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(unitA).orElseThrow().id(), null)),
                accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(unitB).orElseThrow().id(), null)),
                accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(ann).orElseThrow().id())));
    }

    private SimulatedCharger connect(Site site) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + site.tenant().tenant().slug() + "/",
                IDENTITY, site.secret()).join();
        call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
        return charger;
    }

    @Test
    void everyAuthorisationIsRecordedAndAnUnknownCardsUidIsReadableByTenantStaff() {
        Site site = aSite();
        try (SimulatedCharger charger = connect(site)) {
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", UNKNOWN_CARD)).path("idTagInfo").path("status").asString())
                    .isEqualTo("Invalid");
            call(charger, "Authorize", SimulatedCharger.object().put("idTag", CARD));
            call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                    .put("timestamp", Instant.now().toString()));
            call(charger, "Authorize", SimulatedCharger.object().put("idTag", OTHER_CARD));
        }
        JsonNode all = graphQl().document(site.admin(), "tenant-portal/Authorizations", Map.of()).data().path("authorizations");
        assertThat(all.path("totalCount").asInt()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        all.path("edges").forEach(edge -> rows.add(edge.path("node").path("source").asString() + " " + edge.path("node").path("idTag").asString()
                + " " + edge.path("node").path("result").asString() + " " + edge.path("node").path("token").path("owner").path("name").asString("-")
                + " " + edge.path("node").path("chargePoint").path("ocppIdentity").asString()));
        assertThat(rows).as("newest first").containsExactly(
                "AUTHORIZE " + OTHER_CARD + " ACCEPTED Bob " + IDENTITY,
                "START_TRANSACTION " + CARD + " ACCEPTED Ann " + IDENTITY,
                "AUTHORIZE " + CARD + " ACCEPTED Ann " + IDENTITY,
                "AUTHORIZE " + UNKNOWN_CARD + " INVALID - " + IDENTITY);
        JsonNode unknown = graphQl().document(site.admin(), "tenant-portal/Authorizations", Map.of("filter", Map.of("result", "INVALID")))
                .data().path("authorizations");
        assertThat(unknown.path("totalCount").asInt()).isEqualTo(1);
        assertThat(unknown.path("edges").get(0).path("node").path("idTag").asString()).as("the UID to register the card with").isEqualTo(UNKNOWN_CARD);
        assertThat(unknown.path("edges").get(0).path("node").path("token").isNull()).isTrue();
        assertThat(graphQl().document(site.admin(), "tenant-portal/Authorizations", Map.of("filter", Map.of("idTag", CARD.toLowerCase())))
                .data().path("authorizations").path("totalCount").asInt()).isEqualTo(2);
        assertThat(activity(site.admin(), site).path("authorizations").path("totalCount").asInt()).isEqualTo(4);

        // the OU admin operating the charge point sees its authorisations with their own subtree's card; Bob's and the unknown
        // card's UIDs are masked, as in the actions log (tenant staff register unknown cards)
        JsonNode operated = graphQl().document(site.ouAdminA(), "tenant-portal/Authorizations", Map.of()).data().path("authorizations");
        assertThat(operated.path("totalCount").asInt()).isEqualTo(4);
        List<String> idTags = new ArrayList<>();
        operated.path("edges").forEach(edge -> idTags.add(edge.path("node").path("idTag").asString()));
        assertThat(idTags).containsExactly("[redacted]", CARD, CARD, "[redacted]");
        String analyst = accessTokenOf(site.tenant(), aUser(site.tenant(), UserRole.ANALYST, null, null));
        assertThat(graphQl().document(analyst, "tenant-portal/Authorizations", Map.of("filter", Map.of("result", "INVALID"))).data()
                .path("authorizations").path("edges").get(0).path("node").path("idTag").asString()).as("tenant staff read it").isEqualTo(UNKNOWN_CARD);
        assertThat(graphQl().document(site.ouAdminB(), "tenant-portal/Authorizations", Map.of()).data().path("authorizations")
                .path("totalCount").asInt()).as("another unit's OU admin").isZero();
        assertThat(activity(site.ouAdminB(), site).path("authorizations").path("totalCount").asInt()).isZero();
        assertThat(graphQl().document(site.driver(), "tenant-portal/Authorizations", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
        var driverView = graphQl().document(site.driver(), "tenant-portal/ChargePointActivity", Map.of("id", site.chargePoint()));
        assertThat(driverView.errorTypes()).as(driverView.raw()).contains("FORBIDDEN");
        assertThat(driverView.raw()).doesNotContain(UNKNOWN_CARD, CARD);
    }

    @Test
    void reservationsAreRecordedWithTheirExpiryOutcomeCancellationAndUse() {
        Site site = aSite();
        try (SimulatedCharger charger = connect(site)) {
            Instant expiry = Instant.now().plusSeconds(1800);
            assertThat(reserve(site, site.admin(), 7, expiry).path("chargerStatus").asString()).isEqualTo("Accepted");
            reserve(site, site.ouAdminA(), 8, expiry);
            JsonNode cancelled = mutate(site.admin(), "tenant-portal/CancelReservation", Map.of("chargePointId", site.chargePoint(),
                    "reservationId", 8, "reason", "Driver cancelled by phone"));
            assertThat(cancelled.path("command").path("chargerStatus").asString()).isEqualTo("Accepted");
            reserve(site, site.admin(), 9, expiry);
            call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                    .put("timestamp", Instant.now().toString()).put("reservationId", 9));
            reserve(site, site.admin(), 10, Instant.now().plusSeconds(2));
        }
        // the charger has gone: no answer comes (offline, or the connection lost while it closes)
        assertThat(reserve(site, site.admin(), 11, Instant.now().plusSeconds(600)).path("outcome").asString()).isIn("OFFLINE", "FAILED");

        Map<Integer, String> byId = Eventually.value(() -> reservations(site.admin(), Map.of()), found -> "EXPIRED".equals(found.get(10)));
        assertThat(byId).containsExactlyInAnyOrderEntriesOf(Map.of(7, "ACCEPTED", 8, "CANCELLED", 9, "USED", 10, "EXPIRED", 11, "NOT_ANSWERED"));
        JsonNode list = graphQl().document(site.admin(), "tenant-portal/Reservations", Map.of()).data().path("reservations");
        JsonNode seven = null;
        for (JsonNode edge : list.path("edges")) {
            if (edge.path("node").path("reservationId").asInt() == 7) {
                seven = edge.path("node");
            }
            if (edge.path("node").path("reservationId").asInt() == 8) {
                assertThat(edge.path("node").path("cancelledAt").isNull()).isFalse();
            }
            if (edge.path("node").path("reservationId").asInt() == 9) {
                assertThat(edge.path("node").path("usedAt").isNull()).isFalse();
            }
        }
        assertThat(seven).isNotNull();
        assertThat(seven.path("idTag").asString()).isEqualTo(CARD);
        assertThat(seven.path("token").path("uid").asString()).isEqualTo(CARD);
        assertThat(seven.path("connectorId").asInt()).isEqualTo(1);
        assertThat(seven.path("chargePoint").path("ocppIdentity").asString()).isEqualTo(IDENTITY);
        assertThat(seven.path("command").path("action").asString()).isEqualTo("ReserveNow");
        assertThat(seven.path("command").path("reason").asString()).isEqualTo("Held for the driver on the phone");
        assertThat(Instant.parse(seven.path("expiresAt").asString())).isAfter(Instant.now().plusSeconds(1700));
        assertThat(reservations(site.admin(), Map.of("filter", Map.of("status", "ACCEPTED")))).containsOnlyKeys(7);
        assertThat(reservations(site.admin(), Map.of("filter", Map.of("status", "EXPIRED")))).containsOnlyKeys(10);
        assertThat(activity(site.admin(), site).path("reservations").path("totalCount").asInt()).isEqualTo(5);

        assertThat(reservations(site.ouAdminA(), Map.of())).hasSize(5);
        assertThat(reservations(site.ouAdminB(), Map.of())).as("another unit's OU admin").isEmpty();
        assertThat(graphQl().document(site.driver(), "tenant-portal/Reservations", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
    }

    @Test
    void anEvsesReservationTimeSetsTheExpiryAndZeroDisablesReservations() {
        Site site = aSite();
        String evse = graphQl().document(site.admin(), "tenant-portal/ChargePoints", Map.of()).data().path("chargePoints").path("edges").get(0)
                .path("node").path("evses").get(0).path("id").asString();
        JsonNode noTime = mutate(site.admin(), "tenant-portal/ReserveNow", Map.of("chargePointId", site.chargePoint(), "connectorId", 1,
                "idTag", CARD, "reason", "Held for the driver"));
        assertThat(noTime.path("userErrors").get(0).path("field").toString()).as(noTime.toString()).contains("expiryDate");
        JsonNode set = mutate(site.admin(), "tenant-portal/SetEvseReservationTime", Map.of("evseId", evse, "minutes", 20));
        assertThat(set.path("evse").path("reservationMinutes").asInt()).as(set.toString()).isEqualTo(20);
        assertThat(code(mutate(site.admin(), "tenant-portal/SetEvseReservationTime", Map.of("evseId", evse, "minutes", -1)))).isEqualTo("OUT_OF_RANGE");
        assertThat(graphQl().document(site.ouAdminA(), "tenant-portal/SetEvseReservationTime", Map.of("input", Map.of("evseId", evse, "minutes", 5)))
                .errorTypes()).as("setting up an EVSE stays with tenant admins").containsExactly("FORBIDDEN");
        try (SimulatedCharger charger = connect(site)) {
            Instant before = Instant.now();
            JsonNode reserved = mutate(site.admin(), "tenant-portal/ReserveNow", Map.of("chargePointId", site.chargePoint(), "connectorId", 1,
                    "idTag", CARD, "reservationId", 3, "reason", "Held for the driver"));
            assertThat(reserved.path("command").path("chargerStatus").asString()).as(reserved.toString()).isEqualTo("Accepted");
            Instant expires = Instant.parse(graphQl().document(site.admin(), "tenant-portal/Reservations", Map.of()).data().path("reservations")
                    .path("edges").get(0).path("node").path("expiresAt").asString());
            assertThat(expires).isBetween(before.plusSeconds(20 * 60 - 1), Instant.now().plusSeconds(20 * 60 + 1));
            mutate(site.admin(), "tenant-portal/SetEvseReservationTime", Map.of("evseId", evse, "minutes", 0));
            JsonNode disabled = mutate(site.admin(), "tenant-portal/ReserveNow", Map.of("chargePointId", site.chargePoint(), "connectorId", 1,
                    "idTag", CARD, "expiryDate", Instant.now().plusSeconds(600).toString(), "reason", "Held for the driver"));
            assertThat(disabled.path("userErrors").get(0).path("message").asString()).contains("disabled");
            assertThat(disabled.path("command").isNull()).isTrue();
        }
        assertThat(reservations(site.admin(), Map.of())).containsOnlyKeys(3);
    }

    private static String code(JsonNode payload) {
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void theNetworkStatusHistoryShowsOnlineTemporarilyAndLongTermUnavailableWithTimes() {
        Site site = aSite();
        Instant before = Instant.now().minusSeconds(1);
        try (SimulatedCharger charger = connect(site)) {
            var tenant = site.tenant().tenant().id();
            Instant now = Instant.now();
            sweeper.sweep(tenant, now.plusSeconds(130));
            sweeper.sweep(tenant, now.plusSeconds(310));
            call(charger, "Heartbeat", SimulatedCharger.object());
            JsonNode history = activity(site.admin(), site).path("networkStatusHistory");
            List<String> changes = new ArrayList<>();
            history.path("edges").forEach(edge -> changes.add(edge.path("node").path("previousStatus").asString("-") + " > "
                    + edge.path("node").path("status").asString()));
            assertThat(changes).as("newest first").containsExactly("LONG_TERM_UNAVAILABLE > ONLINE", "TEMPORARILY_UNAVAILABLE > LONG_TERM_UNAVAILABLE",
                    "ONLINE > TEMPORARILY_UNAVAILABLE", "- > ONLINE");
            history.path("edges").forEach(edge -> assertThat(Instant.parse(edge.path("node").path("at").asString())).isAfter(before));
            assertThat(activity(site.ouAdminA(), site).path("networkStatusHistory").path("totalCount").asInt()).isEqualTo(4);
            assertThat(activity(site.ouAdminB(), site).path("networkStatusHistory").path("totalCount").asInt()).as("not theirs").isZero();
            var driverView = graphQl().document(site.driver(), "tenant-portal/ChargePointActivity", Map.of("id", site.chargePoint()));
            assertThat(driverView.errorTypes()).contains("FORBIDDEN");
            assertThat(driverView.raw()).doesNotContain("TEMPORARILY_UNAVAILABLE");
        }
    }

    private JsonNode reserve(Site site, String who, int reservationId, Instant expiry) {
        JsonNode payload = mutate(who, "tenant-portal/ReserveNow", Map.of("chargePointId", site.chargePoint(), "connectorId", 1, "idTag", CARD,
                "reservationId", reservationId, "expiryDate", expiry.toString(), "reason", "Held for the driver on the phone"));
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload.path("command");
    }

    private Map<Integer, String> reservations(String who, Map<String, Object> variables) {
        JsonNode answer = graphQl().document(who, "tenant-portal/Reservations", variables).data().path("reservations");
        Map<Integer, String> byId = new java.util.TreeMap<>();
        answer.path("edges").forEach(edge -> byId.put(edge.path("node").path("reservationId").asInt(), edge.path("node").path("status").asString()));
        assertThat(answer.path("totalCount").asInt()).isEqualTo(byId.size());
        return byId;
    }

    private JsonNode activity(String who, Site site) {
        return graphQl().document(who, "tenant-portal/ChargePointActivity", Map.of("id", site.chargePoint(), "first", 50)).data().path("node");
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }
}
