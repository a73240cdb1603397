package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The manual's "Charge point configuration defaults" over a real socket: after an accepted BootNotification (whose
 * interval is the tenant's heartbeat interval) the platform reads the charger's HeartbeatInterval and
 * MeterValueSampleInterval and changes those that differ from the tenant's settings, each call in the actions log as
 * the platform's with its reason; a charger that already runs them is only read.
 */
class ConfigurationDefaultsIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @Test
    void theTenantsHeartbeatAndSampleIntervalsArePushedWhereTheChargerDiffersAndLogged() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        JsonNode settings = mutate(admin, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 120,
                "temporarilyUnavailableAfterSeconds", 240, "longTermUnavailableAfterSeconds", 600, "failStartTimeoutSeconds", 60,
                "inactivityTimeoutSeconds", 1800, "unknownChargePoints", "REFUSE", "meterValueSampleIntervalSeconds", 30));
        assertThat(settings.path("userErrors")).as(settings.toString()).isEmpty();
        assertThat(settings.path("chargingSettings").path("meterValueSampleIntervalSeconds").asInt()).isEqualTo(30);
        assertThat(settings.path("chargingSettings").path("finishAfterInactivitySeconds").asInt()).as("left out: the default").isEqualTo(7200);
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CFG-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(null))));
        String chargePoint = registered.path("chargePoint").path("id").asString();

        List<String> received = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "CFG-CP-1", registered.path("chargerSecret").asString()).join()) {
            // set up at the factory with 300 s heartbeats; it already samples every 30 s
            charger.configure("HeartbeatInterval", "300").configure("MeterValueSampleInterval", "30");
            charger.onCommand((action, payload) -> received.add(action + " " + payload));

            JsonNode boot = boot(charger);
            assertThat(boot.path("status").asString()).isEqualTo("Accepted");
            assertThat(boot.path("interval").asInt()).as("the tenant's heartbeat interval").isEqualTo(120);
            eventually(() -> "120".equals(charger.configuration("HeartbeatInterval")) && completed(admin, chargePoint) == 2);
            assertThat(received).hasSize(2);
            assertThat(received.get(0).replace(" ", "")).isEqualTo("GetConfiguration{\"key\":[\"HeartbeatInterval\",\"MeterValueSampleInterval\"]}");
            assertThat(received.get(1).replace(" ", "")).isEqualTo("ChangeConfiguration{\"key\":\"HeartbeatInterval\",\"value\":\"120\"}");
            assertThat(charger.configuration("MeterValueSampleInterval")).isEqualTo("30");

            List<JsonNode> log = commands(admin, chargePoint);
            JsonNode change = log.get(0);
            assertThat(change.path("action").asString()).isEqualTo("ChangeConfiguration");
            assertThat(change.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(change.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(change.path("requestedBy").asString()).isEqualTo("platform");
            assertThat(change.path("reason").asString()).contains("Configuration defaults at boot", "120 s", "30 s");
            JsonNode read = log.get(1);
            assertThat(read.path("action").asString()).isEqualTo("GetConfiguration");
            assertThat(read.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(read.path("requestedBy").asString()).isEqualTo("platform");
            assertThat(read.path("response").asString()).contains("HeartbeatInterval");

            // booted again, it runs the defaults now: read, nothing changed
            assertThat(boot(charger).path("interval").asInt()).isEqualTo(120);
            eventually(() -> completed(admin, chargePoint) == 3);
            JsonNode cleared = mutate(admin, "tenant-portal/ClearCache", Map.of("chargePointId", chargePoint, "reason", "after the reboot"));
            assertThat(cleared.path("command").path("outcome").asString()).as(cleared.toString()).isEqualTo("ANSWERED");
            assertThat(received).extracting(entry -> entry.substring(0, entry.indexOf(' ')))
                    .containsExactly("GetConfiguration", "ChangeConfiguration", "GetConfiguration", "ClearCache");
        }
    }

    private static JsonNode boot(SimulatedCharger charger) {
        return charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                .toCompletableFuture().join();
    }

    private List<JsonNode> commands(String admin, String chargePoint) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        graphQl().document(admin, "tenant-portal/ChargePointCommands", Map.of("id", chargePoint)).data().path("node").path("commands")
                .path("edges").forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }

    /** How many commands in the charge point's actions log are completed. */
    private long completed(String admin, String chargePoint) {
        return commands(admin, chargePoint).stream().filter(command -> !command.path("completedAt").isNull()).count();
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
