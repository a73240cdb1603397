package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.ChargingSweeper;

/**
 * The inactivity timeout over a real socket: an active session the charger goes silent about is marked suspected
 * stale after the tenant's timeout (default 30 min), not stopped; a late StopTransaction still finishes it with the
 * charger's reading, and a session the charger speaks of again loses its mark.
 */
class SessionInactivityIT extends IntegrationTest {

    private static final String CARD = "04A1B2C3D4E5F6";

    @Autowired
    ChargingSweeper sweeper;

    private static JsonNode result(JsonNode answer) {
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
        return answer.get(2);
    }

    private static String meterValue(int transactionId, long wh) {
        return "{\"connectorId\": 1, \"transactionId\": " + transactionId + ", \"meterValue\": [{\"timestamp\": \"" + Instant.now()
                + "\", \"sampledValue\": [{\"value\": \"" + wh + "\", \"measurand\": \"Energy.Active.Import.Register\", \"unit\": \"Wh\"}]}]}";
    }

    private static int start(TestCharger charger, long meterStart) {
        JsonNode started = result(charger.call("StartTransaction", "{\"connectorId\": 1, \"idTag\": \"" + CARD + "\", \"meterStart\": "
                + meterStart + ", \"timestamp\": \"" + Instant.now() + "\"}"));
        assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        return started.path("transactionId").asInt();
    }

    private JsonNode session(String admin, int transactionId) {
        JsonNode edges = graphQl().document(admin, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions").path("edges");
        for (JsonNode edge : edges) {
            if (edge.path("node").path("transactionId").asInt() == transactionId) {
                return edge.path("node");
            }
        }
        throw new AssertionError("No session with transaction " + transactionId + " in " + edges);
    }

    @Test
    void aSessionTheChargerGoesSilentAboutIsMarkedNotStoppedAndALateStopStillFinishesIt() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        String secret = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "IDLE-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargerSecret").asString();

        try (TestCharger charger = TestCharger.connected(TestCharger.connect(port, tenant.tenant().slug(), "IDLE-CP-1", "IDLE-CP-1", secret,
                "ocpp1.6"))) {
            result(charger.call("BootNotification", "{\"chargePointVendor\": \"ACME\", \"chargePointModel\": \"X1\"}"));
            int silent = start(charger, 1000);
            result(charger.call("MeterValues", meterValue(silent, 1500)));
            Instant now = Instant.now();

            assertThat(sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(29))).sessionsMarkedInactive()).isZero();
            assertThat(session(admin, silent).path("inactivity").isNull()).isTrue();
            assertThat(sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(31))).sessionsMarkedInactive()).isEqualTo(1);
            JsonNode marked = session(admin, silent);
            assertThat(marked.path("status").asString()).as("not stopped for the charger").isEqualTo("ACTIVE");
            assertThat(marked.path("inactivity").path("reason").asString()).contains("30 min", "StopTransaction");
            assertThat(marked.path("inactivity").path("lastActivityAt").asString()).isNotBlank();
            assertThat(sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(45))).sessionsMarkedInactive())
                    .as("marked once").isZero();

            result(charger.call("StopTransaction", "{\"transactionId\": " + silent + ", \"meterStop\": 4000, \"timestamp\": \""
                    + Instant.now() + "\", \"reason\": \"EVDisconnected\"}"));
            JsonNode finished = session(admin, silent);
            assertThat(finished.path("status").asString()).isEqualTo("FINISHED");
            assertThat(finished.path("meterStopWh").asDouble()).isEqualTo(4000);
            assertThat(finished.path("energyWh").asDouble()).isEqualTo(3000);
            assertThat(finished.path("stopReason").asString()).isEqualTo("EVDisconnected");
            assertThat(finished.path("incomplete").asBoolean()).as("its data adds up").isFalse();
            assertThat(finished.path("inactivity").path("reason").asString()).as("kept as its history").isNotBlank();

            int resumed = start(charger, 5000);
            Instant later = Instant.now();
            assertThat(sweeper.sweep(tenant.tenant().id(), later.plus(Duration.ofMinutes(31))).sessionsMarkedInactive()).isEqualTo(1);
            result(charger.call("MeterValues", meterValue(resumed, 5200)));
            sweeper.sweep(tenant.tenant().id(), Instant.now());
            assertThat(session(admin, resumed).path("inactivity").isNull()).as("the charger spoke of it again").isTrue();
        }
    }
}
