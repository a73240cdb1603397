package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.GraphQlSocket;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * Start and stop from the driver app (issue 17 item 3), as the app does it with the {@code driver-app} documents and a
 * simulated charger over a real OCPP socket: the driver starts on an EVSE by the EVSE ID printed on it, the charger
 * is sent RemoteStartTransaction with the driver's token and starts; the live view starts with the session as it
 * stands; the driver stops it (RemoteStopTransaction) and sees the CDR. What must be refused is refused with a user
 * error and nothing reaches the charger; a charger that refuses or is offline is said so.
 */
class DriverAppSessionIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String IDENTITY = "APP-CP-1";
    private static final String OFFLINE_IDENTITY = "APP-CP-2";

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /**
     * A tenant whose plan prices everything at 0.40/kWh; a charger with EVSEs NL*CBS*E0001*1 and *2 and another, never
     * connected, with NL*CBS*E0002*1; Ann and Bob, drivers with an app token each, and Ada, a driver without one.
     */
    private record Site(TestTenant tenant, String admin, String secret, String chargePoint, String offlineChargePoint, String ann, String bob, String ada) {
    }

    private Site aSite() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String annProfile = profile(admin, root, "Ann");
        String bobProfile = profile(admin, root, "Bob");
        String adaProfile = profile(admin, root, "Ada");
        for (Map<String, Object> token : List.<Map<String, Object>>of(Map.of("uid", "0A0A0A01", "type", "APP", "ownerProfileId", annProfile),
                Map.of("uid", "0B0B0B01", "type", "APP", "ownerProfileId", bobProfile))) {
            JsonNode created = mutate(admin, "tenant-portal/CreateToken", token);
            assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        }
        JsonNode standard = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing",
                Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.40")));
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", standard.path("tariff").path("id").asString(),
                "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", IDENTITY,
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1"), AssetFixtures.anAcEvse("NL*CBS*E0001*2"))));
        JsonNode offline = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", OFFLINE_IDENTITY,
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0002*1"))));
        return new Site(tenant, admin, registered.path("chargerSecret").asString(), registered.path("chargePoint").path("id").asString(), offline.path("chargePoint").path("id").asString(),
                driver(tenant, annProfile), driver(tenant, bobProfile), driver(tenant, adaProfile));
    }

    private String profile(String admin, String unit, String name) {
        return mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name,
                "email", name.toLowerCase(java.util.Locale.ROOT) + "@example.com")).path("profile").path("id").asString();
    }

    private String driver(TestTenant tenant, String profile) {
        return accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
    }

    /** A connected, booted charger that hands every remote start and stop it accepted to {@code remote}. */
    private SimulatedCharger charger(Site site, List<JsonNode> remote) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + site.tenant().tenant().slug() + "/",
                IDENTITY, site.secret()).join();
        charger.onRemote((action, payload) -> remote.add(SimulatedCharger.object().put("action", action).set("payload", payload)));
        call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
        return charger;
    }

    private JsonNode start(String driver, String evseId) {
        return mutate(driver, "driver-app/StartMySession", Map.of("evseId", evseId));
    }

    private JsonNode stop(String driver, String session) {
        return mutate(driver, "driver-app/StopMySession", Map.of("sessionId", session));
    }

    @Test
    void aDriverStartsByTheEvseIdWatchesStopsAndSeesTheCdr() {
        Site site = aSite();
        List<JsonNode> remote = new CopyOnWriteArrayList<>();
        int transaction;
        try (SimulatedCharger charger = charger(site, remote)) {
            JsonNode started = start(site.ann(), "NL*CBS*E0001*1");
            assertThat(started.path("userErrors")).as(started.toString()).isEmpty();
            assertThat(started.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(started.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(started.path("message").asString()).isEqualTo("The charger accepted the start.");
            assertThat(started.path("session").path("status").asString()).isEqualTo("PENDING");
            assertThat(started.path("session").path("evse").path("evseId").asString()).isEqualTo("NL*CBS*E0001*1");
            String session = started.path("session").path("id").asString();
            JsonNode asked = eventually(remote, 1).path("payload");
            assertThat(asked.path("idTag").asString()).as("the driver's own token").isEqualTo("0A0A0A01");
            assertThat(asked.path("connectorId").asInt()).as("the EVSE's connector").isEqualTo(1);
            JsonNode logged = graphQl().document(site.admin(), "tenant-portal/ChargePointCommands", Map.of("id", site.chargePoint())).data();
            assertThat(logged.toString()).as("the actions log says where the start came from").contains("Started from the driver app");

            Instant begin = Instant.now().minus(Duration.ofMinutes(40));
            transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "0A0A0A01")
                    .put("meterStart", 0).put("timestamp", begin.toString())).path("transactionId").asInt();
            call(charger, "MeterValues", Simulate.meterValues(1, transaction, begin.plus(Duration.ofMinutes(20)), BigDecimal.valueOf(5_000),
                    BigDecimal.valueOf(15_000), 50));

            try (GraphQlSocket watcher = GraphQlSocket.open(baseUrl(), site.ann())) {
                assertThat(watcher.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
                watcher.subscribe("driver-app/SessionProgress", Map.of("sessionId", session));
                // before any new reading: the session as it stands
                JsonNode current = watcher.next(WAIT).path("payload").path("data").path("sessionProgress");
                assertThat(current.path("sessionId").asString()).as(current.toString()).isEqualTo(session);
                assertThat(current.path("status").asString()).isEqualTo("ACTIVE");
                assertThat(current.path("energyKwh").asString()).isEqualTo("5.000");
                assertThat(current.path("powerKw").asString()).isEqualTo("15.000");
                assertThat(new BigDecimal(current.path("stateOfChargePercent").asString())).isEqualByComparingTo("50");
                // 5 kWh at 0.40/kWh
                assertThat(current.path("runningCost").path("exclVat").asString()).isEqualTo("2.00");

                JsonNode stopped = stop(site.ann(), session);
                assertThat(stopped.path("userErrors")).as(stopped.toString()).isEmpty();
                assertThat(stopped.path("outcome").asString()).isEqualTo("ANSWERED");
                assertThat(stopped.path("chargerStatus").asString()).isEqualTo("Accepted");
                assertThat(stopped.path("session").path("id").asString()).isEqualTo(session);
                JsonNode stopAsked = eventually(remote, 2);
                assertThat(stopAsked.path("action").asString()).isEqualTo("RemoteStopTransaction");
                assertThat(stopAsked.path("payload").path("transactionId").asInt()).as("the session's transaction").isEqualTo(transaction);
                call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                        .put("timestamp", begin.plus(Duration.ofMinutes(39)).toString()).put("reason", "Remote"));
                assertThat(watcher.next(WAIT).path("payload").path("data").path("sessionProgress").path("status").asString()).isEqualTo("FINISHED");
                assertThat(watcher.next(WAIT).path("type").asString()).as("the subscription ends with the session").isEqualTo("complete");
            }
            JsonNode again = stop(site.ann(), session);
            assertThat(again.path("userErrors").get(0).path("code").asString()).as(again.toString()).isEqualTo("INVALID");
            assertThat(remote).as("nothing sent for a finished session").hasSize(2);
        }
        JsonNode cdrs = graphQl().document(site.ann(), "driver-app/MyCdrs", Map.of()).data().path("myCdrs");
        assertThat(cdrs.path("totalCount").asInt()).as(cdrs.toString()).isEqualTo(1);
        // 10 kWh at 0.40/kWh
        assertThat(cdrs.toString()).contains("4.0000");
    }

    @Test
    void whatADriverMayNotStartOrStopIsRefusedAndNothingReachesTheCharger() {
        Site site = aSite();
        anotherTenantsEvse("NL*OTH*E0001*1");
        List<JsonNode> remote = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, remote)) {
            assertThat(code(start(site.ann(), "NL*CBS*E9999*1"))).as("an unknown EVSE ID").isEqualTo("NOT_FOUND");
            assertThat(code(start(site.ann(), " "))).as("no EVSE ID").isEqualTo("NOT_FOUND");
            JsonNode noToken = start(site.ada(), "NL*CBS*E0001*1");
            assertThat(code(noToken)).as("a driver without an active token").isEqualTo("NOT_USABLE");
            assertThat(noToken.path("userErrors").get(0).path("message").asString()).contains("no active token");
            assertThat(code(mutate(site.ann(), "driver-app/StartMySession", Map.of("evseId", "NL*CBS*E0001*1", "tokenId",
                    tokenId(site, "0B0B0B01"))))).as("someone else's token").isEqualTo("NOT_FOUND");

            // Ann charges at *1
            String anns = start(site.ann(), "NL*CBS*E0001*1").path("session").path("id").asString();
            eventually(remote, 1);
            int transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "0A0A0A01")
                    .put("meterStart", 0).put("timestamp", Instant.now().toString())).path("transactionId").asInt();
            JsonNode occupied = start(site.bob(), "NL*CBS*E0001*1");
            assertThat(code(occupied)).as("an EVSE in use").isEqualTo("IN_USE");
            assertThat(occupied.path("userErrors").get(0).path("message").asString()).contains("in use");
            assertThat(code(stop(site.bob(), anns))).as("someone else's session").isEqualTo("NOT_FOUND");

            // the charger refuses
            charger.answeringRemote("Rejected");
            JsonNode rejected = start(site.bob(), "NL*CBS*E0001*2");
            assertThat(rejected.path("userErrors")).as(rejected.toString()).isEmpty();
            assertThat(rejected.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(rejected.path("chargerStatus").asString()).isEqualTo("Rejected");
            assertThat(rejected.path("message").asString()).isEqualTo("The charger refused the start (Rejected).");
            assertThat(rejected.path("session").isNull()).as("no session waits for the car").isTrue();
            JsonNode stopRejected = stop(site.ann(), anns);
            assertThat(stopRejected.path("chargerStatus").asString()).isEqualTo("Rejected");
            assertThat(stopRejected.path("message").asString()).isEqualTo("The charger refused the stop (Rejected).");
            assertThat(remote).as("only Ann's accepted start reached the charger's handler").hasSize(1);
            charger.answeringRemote("Accepted");

            // the other charger is not connected
            JsonNode offline = start(site.bob(), "NL*CBS*E0002*1");
            assertThat(offline.path("userErrors")).as(offline.toString()).isEmpty();
            assertThat(offline.path("outcome").asString()).isEqualTo("OFFLINE");
            assertThat(offline.path("message").asString()).contains("offline");
            assertThat(offline.path("session").isNull()).isTrue();

            // another tenant's EVSE is not found
            assertThat(code(start(site.ann(), "NL*OTH*E0001*1"))).as("another tenant's EVSE").isEqualTo("NOT_FOUND");

            // a private charge point takes only invited drivers
            JsonNode privateAccess = mutate(site.admin(), "tenant-portal/SetChargePointAccess", Map.of("chargePointId", site.offlineChargePoint(),
                    "access", "PRIVATE", "managedByOperator", true));
            assertThat(privateAccess.path("userErrors")).as(privateAccess.toString()).isEmpty();
            assertThat(code(start(site.bob(), "NL*CBS*E0002*1"))).as("a private charge point, hidden from the uninvited").isEqualTo("NOT_FOUND");
            mutate(site.admin(), "tenant-portal/SetChargePointAccess", Map.of("chargePointId", site.offlineChargePoint(), "access", "PRIVATE",
                    "publicNotice", "Residents only", "managedByOperator", true));
            JsonNode shown = start(site.bob(), "NL*CBS*E0002*1");
            assertThat(code(shown)).as("a private charge point shown with a notice, not invited").isEqualTo("NOT_USABLE");
            assertThat(shown.path("userErrors").get(0).path("message").asString()).contains("private");

            // staff use startSession, not the driver's own
            assertThat(graphQl().document(site.admin(), "driver-app/StartMySession", Map.of("input", Map.of("evseId", "NL*CBS*E0001*2")))
                    .errorTypes()).containsExactly("FORBIDDEN");
            call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 100)
                    .put("timestamp", Instant.now().toString()).put("reason", "Local"));
        }
        assertThat(remote).hasSize(1);
    }

    private void anotherTenantsEvse(String evseId) {
        String admin = tokenOf(aTenant());
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "OTHER-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(evseId))));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
    }

    private String tokenId(Site site, String uid) {
        for (JsonNode edge : graphQl().document(site.admin(), "tenant-portal/Tokens", Map.of()).data().path("tokens").path("edges")) {
            if (edge.path("node").path("uid").asString().equals(uid)) {
                return edge.path("node").path("id").asString();
            }
        }
        throw new AssertionError("No token " + uid);
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("outcome").isNull()).as(payload.toString()).isTrue();
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    private static JsonNode eventually(List<JsonNode> remote, int size) {
        assertThat(Eventually.value(remote::size, n -> n >= size)).as("remote commands the charger received").isGreaterThanOrEqualTo(size);
        return remote.get(size - 1);
    }
}
