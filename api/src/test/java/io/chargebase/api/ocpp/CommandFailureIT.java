package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.api.graphql.GlobalId;

/**
 * The failure variants of the OCA 1.6 CSMS test cases: the charger refuses or fails, and the central system records
 * what it said, changes nothing it should not, and says so to the operator. The charger here answers each command
 * with the status the test case scripts.
 *
 * <p>All of TC_026, TC_028, TC_030, TC_031, TC_044_2, TC_044_3, TC_045_2, TC_048_1..4, TC_052 and TC_055 apply to a
 * central system: in each the OCTT plays the charger and checks that the CSMS sends the request and processes the
 * answer (or the notifications that follow). TC_044_3's reboot part (BootNotification, StatusNotification after
 * InstallationFailed) is the cold boot of TC_001, covered in OcppTransportIT.
 */
class CommandFailureIT extends OcppIntegrationTest {

    private record Scripted(String admin, String chargePointId, TestCharger charger) implements AutoCloseable {

        @Override
        public void close() {
            charger.close();
        }
    }

    /** A booted charger that answers {@code action} with {@code status}, and everything else with Accepted. */
    private Scripted scripted(String identity, String action, String status) {
        TestTenant tenant = aTenant();
        RegisteredCharger registered = aCharger(tenant, identity);
        TestCharger charger = TestCharger.connected(connect(registered)).answering((called, payload) -> {
            ObjectNode answer = TestCharger.JSON.createObjectNode();
            switch (called) {
                case "UpdateFirmware" -> { }
                case "GetDiagnostics" -> answer.put("fileName", identity + ".log");
                default -> answer.put("status", called.equals(action) ? status : "Accepted");
            }
            return answer;
        });
        assertThat(charger.call("BootNotification", "{\"chargePointVendor\": \"ACME\", \"chargePointModel\": \"X1\"}").get(0).asInt()).isEqualTo(3);
        return new Scripted(tokenOf(tenant), GlobalId.encode("ChargePoint", registered.ref().chargePointId()), charger);
    }

    private JsonNode command(Scripted scripted, String document, Map<String, Object> input) {
        Map<String, Object> withCharger = new HashMap<>(input);
        withCharger.put("chargePointId", scripted.chargePointId());
        // every command carries a reason (issue 12, item 14)
        withCharger.putIfAbsent("reason", "Operator check");
        JsonNode payload = mutate(scripted.admin(), "tenant-portal/" + document, withCharger);
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        assertThat(payload.path("command").path("outcome").asString()).as(payload.toString()).isEqualTo("ANSWERED");
        return payload.path("command");
    }

    private static void notify(Scripted scripted, String action, String status) {
        JsonNode answer = scripted.charger().call(action, "{\"status\": \"" + status + "\"}");
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
        assertThat(answer.get(2).size()).isZero();
    }

    @Test
    void TC_026_CSMS_aRejectedRemoteStartLeavesNoSessionWaitingForTheCar() {
        try (Scripted scripted = scripted("FAIL-026", "RemoteStartTransaction", "Rejected")) {
            JsonNode command = command(scripted, "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6"));
            assertThat(command.path("chargerStatus").asString()).isEqualTo("Rejected");
            assertThat(graphQl().document(scripted.admin(), "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions")
                    .path("totalCount").asInt()).isZero();
        }
    }

    @Test
    void TC_028_CSMS_aRemoteStopOfAnUnknownTransactionRejectedByTheChargerIsReported() {
        try (Scripted scripted = scripted("FAIL-028", "RemoteStopTransaction", "Rejected")) {
            JsonNode command = command(scripted, "RemoteStopTransaction", Map.of("transactionId", 987654));
            assertThat(command.path("chargerStatus").asString()).isEqualTo("Rejected");
            assertThat(command.path("request").asString().replace(" ", "")).contains("\"transactionId\":987654");
        }
    }

    @Test
    void TC_030_CSMS_TC_031_CSMS_unlockFailureAndAnUnknownConnectorAreReported() {
        try (Scripted scripted = scripted("FAIL-030", "UnlockConnector", "UnlockFailed")) {
            assertThat(command(scripted, "UnlockConnector", Map.of("connectorId", 1)).path("chargerStatus").asString()).isEqualTo("UnlockFailed");
        }
        try (Scripted scripted = scripted("FAIL-031", "UnlockConnector", "NotSupported")) {
            JsonNode command = command(scripted, "UnlockConnector", Map.of("connectorId", 9));
            assertThat(command.path("chargerStatus").asString()).isEqualTo("NotSupported");
            assertThat(command.path("request").asString().replace(" ", "")).as("sent although no EVSE 9 is registered").contains("\"connectorId\":9");
        }
    }

    @Test
    void TC_044_2_CSMS_TC_044_3_CSMS_failedFirmwareDownloadsAndInstallationsAreRecorded() {
        try (Scripted scripted = scripted("FAIL-044", "UpdateFirmware", null)) {
            command(scripted, "UpdateFirmware", Map.of("location", "https://firmware.example.com/x1-2.0.bin",
                    "retrieveDate", Instant.now().toString()));
            notify(scripted, "FirmwareStatusNotification", "Downloading");
            notify(scripted, "FirmwareStatusNotification", "DownloadFailed");
            command(scripted, "UpdateFirmware", Map.of("location", "https://firmware.example.com/x1-2.0.bin",
                    "retrieveDate", Instant.now().toString()));
            notify(scripted, "FirmwareStatusNotification", "Downloading");
            notify(scripted, "FirmwareStatusNotification", "Downloaded");
            notify(scripted, "FirmwareStatusNotification", "Installing");
            notify(scripted, "FirmwareStatusNotification", "InstallationFailed");
            assertThat(events.named("firmwareStatus").stream().filter(event -> event.charger().identity().equals("FAIL-044")))
                    .extracting(RecordingChargerEvents.Event::detail)
                    .containsExactly("Downloading", "DownloadFailed", "Downloading", "Downloaded", "Installing", "InstallationFailed");
        }
    }

    @Test
    void TC_045_2_CSMS_aFailedDiagnosticsUploadIsRecorded() {
        try (Scripted scripted = scripted("FAIL-045", "GetDiagnostics", null)) {
            assertThat(command(scripted, "GetDiagnostics", Map.of("location", "ftp://diagnostics.example.com/upload")).path("response")
                    .asString()).contains("FAIL-045.log");
            notify(scripted, "DiagnosticsStatusNotification", "Uploading");
            notify(scripted, "DiagnosticsStatusNotification", "UploadFailed");
            assertThat(events.named("diagnosticsStatus").stream().filter(event -> event.charger().identity().equals("FAIL-045")))
                    .extracting(RecordingChargerEvents.Event::detail)
                    .containsExactly("Uploading", "UploadFailed");
        }
    }

    @Test
    void TC_048_1_CSMS_TC_048_2_CSMS_TC_048_3_CSMS_TC_048_4_CSMS_reservationsTheChargerCannotMakeAreReported() {
        for (String status : new String[] {"Faulted", "Occupied", "Unavailable", "Rejected"}) {
            try (Scripted scripted = scripted("FAIL-048-" + status.toUpperCase(), "ReserveNow", status)) {
                JsonNode command = command(scripted, "ReserveNow", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6",
                        "expiryDate", Instant.now().plusSeconds(900).toString()));
                assertThat(command.path("chargerStatus").asString()).as(status).isEqualTo(status);
            }
        }
    }

    @Test
    void TC_052_CSMS_aRejectedCancellationIsReported() {
        try (Scripted scripted = scripted("FAIL-052", "CancelReservation", "Rejected")) {
            assertThat(command(scripted, "CancelReservation", Map.of("reservationId", 4242)).path("chargerStatus").asString()).isEqualTo("Rejected");
        }
    }

    @Test
    void TC_055_CSMS_aRejectedTriggerForAConnectorTheChargerDoesNotHaveIsReported() {
        try (Scripted scripted = scripted("FAIL-055", "TriggerMessage", "Rejected")) {
            JsonNode command = command(scripted, "TriggerMessage", Map.of("requestedMessage", "METER_VALUES", "connectorId", 2));
            assertThat(command.path("chargerStatus").asString()).isEqualTo("Rejected");
            assertThat(command.path("request").asString().replace(" ", "")).contains("\"requestedMessage\":\"MeterValues\"", "\"connectorId\":2");
        }
    }
}
