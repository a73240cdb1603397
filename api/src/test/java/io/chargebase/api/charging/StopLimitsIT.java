package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The tariff's stop limits (manual: Tariffs, "Stop Session") over a real socket: a session that reaches the energy
 * limit on a reading, or the time limit on the sweeper's timer, is stopped by the platform with one
 * RemoteStopTransaction, in the actions log as the platform's with the limit as the reason; the charger's
 * StopTransaction then finishes it as usual.
 */
class StopLimitsIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04A1B2C3D4E5F6";

    @Autowired
    ChargingSweeper sweeper;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    private record Site(TestTenant tenant, String admin, String chargePoint, String secret, String identity) {
    }

    private Site aSiteWithLimits(String identity, Map<String, Object> stopLimits) {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        JsonNode tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Limited", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21"), "stopLimits", stopLimits));
        assertThat(tariff.path("userErrors")).as(tariff.toString()).isEmpty();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff.path("tariff").path("id").asString(),
                "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse(null))));
        return new Site(tenant, admin, registered.path("chargePoint").path("id").asString(), registered.path("chargerSecret").asString(), identity);
    }

    private SimulatedCharger connect(Site site) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + site.tenant().tenant().slug() + "/",
                site.identity(), site.secret()).join();
        call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
        return charger;
    }

    private static int start(SimulatedCharger charger, Instant at) {
        JsonNode started = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                .put("timestamp", at.toString()));
        assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        return started.path("transactionId").asInt();
    }

    private static void reading(SimulatedCharger charger, int transaction, Instant at, long wh) {
        call(charger, "MeterValues", Simulate.meterValues(1, transaction, at, new BigDecimal(wh), new BigDecimal("11000"), 50));
    }

    @Test
    void aSessionReachingTheEnergyLimitOnAReadingIsStoppedOnce() {
        Site site = aSiteWithLimits("LIMIT-KWH-1", Map.of("maxKwh", "10"));
        List<JsonNode> stops = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = connect(site)) {
            charger.onRemote((action, payload) -> stops.add(payload));
            Instant start = Instant.now().minus(Duration.ofMinutes(60)).truncatedTo(ChronoUnit.SECONDS);
            int transaction = start(charger, start);
            reading(charger, transaction, start.plus(Duration.ofMinutes(30)), 9_999);
            assertThat(remoteStops(site)).as("below the limit").isEmpty();

            reading(charger, transaction, start.plus(Duration.ofMinutes(55)), 10_000);
            eventually(() -> stops.size() == 1 && remoteStops(site).stream().anyMatch(c -> !c.path("completedAt").isNull()));
            assertThat(stops.getFirst().path("transactionId").asInt()).isEqualTo(transaction);
            JsonNode logged = remoteStops(site).getFirst();
            assertThat(logged.path("requestedBy").asString()).isEqualTo("platform");
            assertThat(logged.path("reason").asString()).contains("Stop limit reached", "10.000 kWh charged", "10 kWh");
            assertThat(logged.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(logged.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(logged.path("request").asString().replace(" ", "")).isEqualTo("{\"transactionId\":" + transaction + "}");

            // the charger takes a moment to stop: its next reading and the sweeper ask nothing again
            reading(charger, transaction, start.plus(Duration.ofMinutes(56)), 10_200);
            assertThat(sweeper.sweep(site.tenant().tenant().id(), Instant.now()).sessionsAtStopLimit()).isZero();
            JsonNode cleared = mutate(site.admin(), "tenant-portal/ClearCache", Map.of("chargePointId", site.chargePoint(), "reason", "check"));
            assertThat(cleared.path("command").path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(remoteStops(site)).as("sent once").hasSize(1);
            assertThat(stops).hasSize(1);

            call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_200)
                    .put("timestamp", start.plus(Duration.ofMinutes(56)).toString()).put("reason", "Remote"));
            JsonNode session = graphQl().document(site.admin(), "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions")
                    .path("edges").get(0).path("node");
            assertThat(session.path("status").asString()).isEqualTo("FINISHED");
            assertThat(session.path("stopReason").asString()).isEqualTo("Remote");
        }
    }

    @Test
    void aSessionReachingTheTimeLimitIsStoppedOnTheSweepersTimerOnce() {
        Site site = aSiteWithLimits("LIMIT-MIN-1", Map.of("maxMinutes", 30));
        List<JsonNode> stops = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = connect(site)) {
            charger.onRemote((action, payload) -> stops.add(payload));
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            int transaction = start(charger, start);
            assertThat(sweeper.sweep(site.tenant().tenant().id(), start.plus(Duration.ofMinutes(29))).sessionsAtStopLimit()).isZero();
            assertThat(sweeper.sweep(site.tenant().tenant().id(), start.plus(Duration.ofMinutes(30))).sessionsAtStopLimit()).isEqualTo(1);
            eventually(() -> stops.size() == 1 && remoteStops(site).stream().anyMatch(c -> !c.path("completedAt").isNull()));
            assertThat(stops.getFirst().path("transactionId").asInt()).isEqualTo(transaction);
            JsonNode logged = remoteStops(site).getFirst();
            assertThat(logged.path("requestedBy").asString()).isEqualTo("platform");
            assertThat(logged.path("reason").asString()).contains("Stop limit reached", "running 30 min", "after 30 min");
            assertThat(logged.path("chargerStatus").asString()).isEqualTo("Accepted");

            assertThat(sweeper.sweep(site.tenant().tenant().id(), start.plus(Duration.ofMinutes(45))).sessionsAtStopLimit()).as("once").isZero();
            reading(charger, transaction, Instant.now(), 2_000);
            JsonNode cleared = mutate(site.admin(), "tenant-portal/ClearCache", Map.of("chargePointId", site.chargePoint(), "reason", "check"));
            assertThat(cleared.path("command").path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(remoteStops(site)).hasSize(1);
        }
    }

    private List<JsonNode> remoteStops(Site site) {
        List<JsonNode> found = new java.util.ArrayList<>();
        graphQl().document(site.admin(), "tenant-portal/ChargePointCommands", Map.of("id", site.chargePoint())).data().path("node")
                .path("commands").path("edges").forEach(edge -> {
                    if (edge.path("node").path("action").asString().equals("RemoteStopTransaction")) {
                        found.add(edge.path("node"));
                    }
                });
        return found;
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
