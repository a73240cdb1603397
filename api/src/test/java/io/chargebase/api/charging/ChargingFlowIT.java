package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQlSocket;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The whole flow over real sockets: a simulated OCPP 1.6 charger (strict schema checks on its side) boots,
 * authorizes the driver's card, starts, sends meter values and stops; the platform turns that into a CPO CDR and
 * an MSP CDR with the right price, which the driver and the portal read over GraphQL, while portals and the driver
 * watch it live over graphql-transport-ws (OCA TC_001_CSMS, TC_003_CSMS, TC_004_1_CSMS).
 */
class ChargingFlowIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.chargebase.api.live.LiveUpdates live;

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @Test
    void TC_001_CSMS_TC_004_1_CSMS_aSessionFromBootToPricedCdrWatchedLive() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "04A1B2C3D4E5F6", "type", "RFID", "ownerProfileId", profile));
        // 1.00 per session, 0.30/kWh, 0.05/min, 21 % VAT
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "FLOW-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1"))));
        String chargePoint = registered.path("chargePoint").path("id").asString();
        String secret = registered.path("chargerSecret").asString();
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));

        try (GraphQlSocket portal = GraphQlSocket.open(baseUrl(), admin);
                SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                        "FLOW-CP-1", secret).join()) {
            assertThat(portal.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            int listening = live.subscribers();
            portal.subscribe("tenant-portal/ChargePointStatus", Map.of("chargePointId", chargePoint));
            io.chargebase.api.support.Listening.awaitMoreThan(live, listening, WAIT);

            JsonNode boot = call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
            assertThat(boot.path("status").asString()).isEqualTo("Accepted");
            assertThat(boot.path("interval").asInt()).isPositive();
            call(charger, "StatusNotification", Simulate.status(1, "Available", SimulatedCharger.now()));
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", "04A1B2C3D4E5F6")).path("idTagInfo").path("status").asString())
                    .isEqualTo("Accepted");
            assertThat(call(charger, "Authorize", SimulatedCharger.object().put("idTag", "FFFFFFFF")).path("idTagInfo").path("status").asString())
                    .as("TC_023_1_CSMS").isEqualTo("Invalid");

            Instant start = Instant.now().minus(Duration.ofMinutes(60)).truncatedTo(ChronoUnit.SECONDS);
            call(charger, "StatusNotification", Simulate.status(1, "Charging", start.toString()));
            JsonNode started = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "04A1B2C3D4E5F6")
                    .put("meterStart", 0).put("timestamp", start.toString()));
            int transaction = started.path("transactionId").asInt();
            assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");

            String session = graphQl().document(driver, "driver-app/MySessions", Map.of()).data().path("mySessions").path("edges").get(0)
                    .path("node").path("id").asString();
            try (GraphQlSocket watcher = GraphQlSocket.open(baseUrl(), driver)) {
                assertThat(watcher.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
                int listeningBefore = live.subscribers();
                watcher.subscribe("driver-app/SessionProgress", Map.of("sessionId", session));
                io.chargebase.api.support.Listening.awaitMoreThan(live, listeningBefore, WAIT);
                // the live view starts with the session as it stands, before any new reading
                JsonNode current = watcher.next(WAIT).path("payload").path("data").path("sessionProgress");
                assertThat(current.path("sessionId").asString()).isEqualTo(session);
                assertThat(current.path("status").asString()).isEqualTo("ACTIVE");
                assertThat(current.path("energyKwh").asString()).isEqualTo("0.000");
                call(charger, "MeterValues", Simulate.meterValues(1, transaction, start.plus(Duration.ofMinutes(30)), new BigDecimal("5000"),
                        new BigDecimal("10000"), 50));
                JsonNode progress = progressReaching(watcher, "5.000");
                assertThat(progress.path("energyKwh").asString()).isEqualTo("5.000");
                assertThat(progress.path("powerKw").asString()).isEqualTo("10.000");
                // the running cost so far: 1.00 + 5 kWh × 0.30 + 30 min × 0.05 = 4.00 excl. VAT
                assertThat(progress.path("runningCost").path("exclVat").asString()).isEqualTo("4.00");
                call(charger, "MeterValues", Simulate.meterValues(1, transaction, start.plus(Duration.ofMinutes(60)), new BigDecimal("10000"),
                        new BigDecimal("10000"), 80));
                progressReaching(watcher, "10.000");
                JsonNode stopped = call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction)
                        .put("idTag", "04A1B2C3D4E5F6").put("meterStop", 10000).put("timestamp", start.plus(Duration.ofMinutes(60)).toString())
                        .put("reason", "EVDisconnected"));
                assertThat(stopped.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
                assertThat(watcher.next(WAIT).path("payload").path("data").path("sessionProgress").path("status").asString()).isEqualTo("FINISHED");
                assertThat(watcher.next(WAIT).path("type").asString()).as("the subscription ends with the session").isEqualTo("complete");
            }
            call(charger, "StatusNotification", Simulate.status(1, "Available", SimulatedCharger.now()));

            // the portal saw the connector's live statuses; "Charging" carried the (older) start time and went to the history only
            // the charger's connection (ONLINE, no connector status) may be announced after the portal subscribed
            JsonNode message = portal.next(WAIT);
            for (int i = 0; i < 3 && message.path("payload").path("data").path("chargePointStatus").path("status").isNull()
                    && message.path("payload").path("data").path("chargePointStatus").path("connection").asString().equals("ONLINE"); i++) {
                message = portal.next(WAIT);
            }
            JsonNode available = message.path("payload").path("data").path("chargePointStatus");
            assertThat(available.path("status").asString()).as(message.toString()).isEqualTo("Available");
            assertThat(available.path("chargePoint").path("ocppIdentity").asString()).isEqualTo("FLOW-CP-1");
        }

        // 1.00 + 10 kWh × 0.30 + 60 min × 0.05 = 7.00 excl. VAT, 8.47 incl.
        JsonNode cdr = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of()).data().path("mspCdrs").path("edges").get(0).path("node");
        assertThat(cdr.path("totalCost").path("exclVat").asString()).isEqualTo("7.0000");
        assertThat(cdr.path("totalCost").path("inclVat").asString()).isEqualTo("8.4700");
        assertThat(cdr.path("totalEnergyKwh").asString()).isEqualTo("10.0000");
        assertThat(cdr.path("profile").path("id").asString()).isEqualTo(profile);
        JsonNode mine = graphQl().document(driver, "driver-app/MyCdrs", Map.of()).data().path("myCdrs");
        assertThat(mine.path("totalCount").asInt()).isEqualTo(1);
        JsonNode sessions = graphQl().document(driver, "driver-app/MySessions", Map.of()).data().path("mySessions").path("edges").get(0).path("node");
        assertThat(sessions.path("status").asString()).isEqualTo("FINISHED");
        assertThat(sessions.path("mspCdr").path("totalCost").path("inclVat").asString()).isEqualTo("8.4700");
    }

    /**
     * The session's progress once it shows {@code energyKwh}: an update of the session's start, published before the
     * subscription began, may still arrive first; anything else fails.
     */
    private static JsonNode progressReaching(GraphQlSocket watcher, String energyKwh) {
        java.math.BigDecimal expected = new java.math.BigDecimal(energyKwh);
        for (int i = 0; i < 5; i++) {
            JsonNode message = watcher.next(WAIT);
            JsonNode progress = message.path("payload").path("data").path("sessionProgress");
            assertThat(progress.path("energyKwh").isMissingNode()).as(message.toString()).isFalse();
            java.math.BigDecimal energy = new java.math.BigDecimal(progress.path("energyKwh").asString());
            if (energy.compareTo(expected) == 0) {
                return progress;
            }
            assertThat(energy).as("an earlier state only: " + message).isLessThan(expected);
        }
        throw new AssertionError("The progress never reached " + energyKwh + " kWh");
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

}
