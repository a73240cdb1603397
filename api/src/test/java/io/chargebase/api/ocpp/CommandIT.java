package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
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
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The central-system commands as an operator runs them: GraphQL mutation → actions log → the charger over its
 * socket → its answer back in the payload and the log. Named after the OCA 1.6 CSMS test cases they cover.
 */
class CommandIT extends OcppIntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    private record Connected(String admin, String chargePointId, SimulatedCharger charger) {
    }

    private Connected connected(String identity) {
        TestTenant tenant = aTenant();
        RegisteredCharger registered = aCharger(tenant, identity);
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + registered.slug() + "/",
                identity, registered.secret()).join();
        charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                .toCompletableFuture().join();
        return new Connected(tokenOf(tenant), GlobalId.encode("ChargePoint", registered.ref().chargePointId()), charger);
    }

    private JsonNode command(Connected connected, String document, Map<String, Object> input) {
        Map<String, Object> withCharger = new java.util.HashMap<>(input);
        withCharger.put("chargePointId", connected.chargePointId());
        // every command carries a reason (issue 12, item 14)
        withCharger.putIfAbsent("reason", "Operator check");
        JsonNode payload = mutate(connected.admin(), "tenant-portal/" + document, withCharger);
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload.path("command");
    }

    @Test
    void TC_013_CSMS_and_TC_014_CSMS_resetsAreAnsweredAndLoggedWithWhoAndWhy() {
        Connected connected = connected("CMD-RESET");
        try (SimulatedCharger charger = connected.charger()) {
            JsonNode hard = command(connected, "Reset", Map.of("type", "HARD", "reason", "Firmware hangs"));
            assertThat(hard.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(hard.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(hard.path("request").asString().replace(" ", "")).contains("\"type\":\"Hard\"");
            assertThat(hard.path("reason").asString()).isEqualTo("Firmware hangs");
            assertThat(hard.path("requestedBy").asString()).isNotBlank();
            command(connected, "Reset", Map.of("type", "SOFT"));
            JsonNode log = graphQl().document(connected.admin(), "tenant-portal/ChargePointCommands", Map.of("id", connected.chargePointId()))
                    .data().path("node").path("commands");
            assertThat(log.path("totalCount").asInt()).isEqualTo(2);
            assertThat(log.path("edges").get(0).path("node").path("request").asString().replace(" ", "")).as("newest first").contains("Soft");
        }
    }

    @Test
    void everyActionNeedsAReasonAndWithoutOneNothingIsSentOrLogged() {
        Connected connected = connected("CMD-REASON");
        List<String> received = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = connected.charger()) {
            charger.onRemote((action, payload) -> received.add(action));
            Map<String, Map<String, Object>> actions = new java.util.LinkedHashMap<>();
            actions.put("Reset", Map.of("type", "HARD"));
            actions.put("UnlockConnector", Map.of("connectorId", 1));
            actions.put("RemoteStartTransaction", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6"));
            actions.put("RemoteStopTransaction", Map.of("transactionId", 42));
            actions.put("ChangeConfiguration", Map.of("key", "HeartbeatInterval", "value", "60"));
            actions.put("UpdateFirmware", Map.of("location", "https://firmware.example.com/x1-2.0.bin", "retrieveDate", Instant.now().toString()));
            actions.put("GetDiagnostics", Map.of("location", "ftp://diag.example.com/up"));
            actions.put("TriggerMessage", Map.of("requestedMessage", "HEARTBEAT"));
            actions.put("ClearCache", Map.of());
            actions.put("ReserveNow", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6", "expiryDate", Instant.now().plusSeconds(900).toString()));
            actions.put("CancelReservation", Map.of("reservationId", 7));
            for (var action : actions.entrySet()) {
                Map<String, Object> blank = new java.util.HashMap<>(action.getValue());
                blank.put("chargePointId", connected.chargePointId());
                blank.put("reason", "  ");
                JsonNode refused = mutate(connected.admin(), "tenant-portal/" + action.getKey(), blank);
                assertThat(refused.path("command").isNull()).as(action.getKey()).isTrue();
                assertThat(refused.path("userErrors").get(0).path("code").asString()).as(action.getKey()).isEqualTo("REQUIRED");
                assertThat(refused.path("userErrors").get(0).path("field").toString()).as(action.getKey()).contains("reason");
                Map<String, Object> missing = new java.util.HashMap<>(action.getValue());
                missing.put("chargePointId", connected.chargePointId());
                assertThat(graphQl().document(connected.admin(), "tenant-portal/" + action.getKey(), Map.of("input", missing)).errors().toString())
                        .as(action.getKey()).contains("reason");
            }
            JsonNode log = graphQl().document(connected.admin(), "tenant-portal/ChargePointCommands", Map.of("id", connected.chargePointId()))
                    .data().path("node").path("commands");
            assertThat(log.path("totalCount").asInt()).as("nothing logged").isZero();
            // the same command with a reason goes through: the charger would have seen the refused remote start and stop had they been sent
            JsonNode stopped = command(connected, "RemoteStopTransaction", Map.of("transactionId", 42, "reason", "Driver called: cannot unplug"));
            assertThat(stopped.path("reason").asString()).isEqualTo("Driver called: cannot unplug");
            assertThat(stopped.path("requestedBy").asString()).isNotBlank();
            assertThat(stopped.path("requestedAt").asString()).isNotBlank();
            assertThat(stopped.path("chargerStatus").asString()).isEqualTo("Accepted");
            eventually(() -> received.contains("RemoteStopTransaction"));
            assertThat(received).as("only the command with a reason reached the charger").containsExactly("RemoteStopTransaction");
        }
    }

    @Test
    void TC_019_1_CSMS_TC_019_2_CSMS_TC_021_CSMS_TC_040_1_CSMS_configurationIsReadAndChanged() {
        Connected connected = connected("CMD-CONFIG");
        try (SimulatedCharger charger = connected.charger()) {
            JsonNode all = command(connected, "GetConfiguration", Map.of());
            assertThat(all.path("response").asString().replace(" ", "")).contains("HeartbeatInterval", "MeterValueSampleInterval");
            JsonNode changed = command(connected, "ChangeConfiguration", Map.of("key", "HeartbeatInterval", "value", "60"));
            assertThat(changed.path("chargerStatus").asString()).isEqualTo("Accepted");
            JsonNode one = command(connected, "GetConfiguration", Map.of("keys", List.of("HeartbeatInterval", "NoSuchKey")));
            assertThat(one.path("response").asString().replace(" ", "")).contains("\"value\":\"60\"").contains("\"unknownKey\":[\"NoSuchKey\"]");
            assertThat(command(connected, "ChangeConfiguration", Map.of("key", "NoSuchKey", "value", "1")).path("chargerStatus").asString())
                    .isEqualTo("NotSupported");
        }
    }

    @Test
    void TC_043_4_CSMS_TC_043_5_CSMS_TC_042_2_CSMS_localListsAreFullThenDifferential() {
        Connected connected = connected("CMD-LIST");
        try (SimulatedCharger charger = connected.charger()) {
            mutate(connected.admin(), "tenant-portal/CreateToken", Map.of("uid", "AA000001", "type", "RFID"));
            String blocked = mutate(connected.admin(), "tenant-portal/CreateToken", Map.of("uid", "AA000002", "type", "RFID")).path("token")
                    .path("id").asString();
            assertThat(command(connected, "GetLocalListVersion", Map.of()).path("response").asString().replace(" ", "")).contains("\"listVersion\":0");
            JsonNode full = command(connected, "SendLocalList", Map.of("updateType", "FULL"));
            assertThat(full.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(full.path("request").asString().replace(" ", "")).contains("AA000001", "AA000002", "\"updateType\":\"Full\"", "\"listVersion\":1");
            mutate(connected.admin(), "tenant-portal/BlockToken", Map.of("tokenId", blocked, "reason", "Lost"));
            JsonNode differential = command(connected, "SendLocalList", Map.of("updateType", "DIFFERENTIAL"));
            assertThat(differential.path("request").asString().replace(" ", "")).contains("AA000002", "Blocked", "\"listVersion\":2").doesNotContain("AA000001");
            JsonNode chargePoint = graphQl().document(connected.admin(), "tenant-portal/ChargePointCommands", Map.of("id", connected.chargePointId()))
                    .data().path("node");
            assertThat(chargePoint.path("localListVersion").asInt()).isEqualTo(2);
            assertThat(command(connected, "GetLocalListVersion", Map.of()).path("response").asString().replace(" ", "")).contains("\"listVersion\":2");
        }
    }

    @Test
    void TC_010_CSMS_TC_012_CSMS_remoteStartAndStopReachTheCharger() {
        Connected connected = connected("CMD-REMOTE");
        List<String> received = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = connected.charger()) {
            charger.onRemote((action, payload) -> received.add(action + " " + payload));
            assertThat(command(connected, "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6")).path("chargerStatus")
                    .asString()).isEqualTo("Accepted");
            assertThat(command(connected, "RemoteStopTransaction", Map.of("transactionId", 42)).path("chargerStatus").asString())
                    .isEqualTo("Accepted");
            eventually(() -> received.size() == 2);
            assertThat(received.get(0)).contains("RemoteStartTransaction", "04A1B2C3D4E5F6");
            assertThat(command(connected, "TriggerMessage", Map.of("requestedMessage", "HEARTBEAT")).path("chargerStatus").asString())
                    .isEqualTo("Accepted");
            assertThat(command(connected, "UnlockConnector", Map.of("connectorId", 1)).path("chargerStatus").asString()).isEqualTo("Unlocked");
            assertThat(command(connected, "ChangeAvailability", Map.of("connectorId", 0, "type", "INOPERATIVE")).path("chargerStatus").asString())
                    .isEqualTo("Accepted");
            assertThat(command(connected, "ClearCache", Map.of()).path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(command(connected, "ReserveNow", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6",
                    "expiryDate", Instant.now().plusSeconds(900).toString())).path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(command(connected, "DataTransfer", Map.of("vendorId", "com.example")).path("chargerStatus").asString())
                    .isEqualTo("UnknownVendorId");
            assertThat(command(connected, "GetDiagnostics", Map.of("location", "ftp://diag.example.com/up")).path("response").asString().replace(" ", ""))
                    .contains("fileName");
        }
    }

    @Test
    void TC_046_CSMS_TC_049_CSMS_TC_051_CSMS_reservationsAreMadeAndCancelled() {
        Connected connected = connected("CMD-RESERVE");
        try (SimulatedCharger charger = connected.charger()) {
            JsonNode reserved = command(connected, "ReserveNow", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6", "reservationId", 7,
                    "expiryDate", Instant.now().plusSeconds(1800).toString()));
            assertThat(reserved.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(reserved.path("request").asString().replace(" ", "")).contains("\"reservationId\":7", "\"connectorId\":1");
            assertThat(command(connected, "ReserveNow", Map.of("connectorId", 0, "idTag", "04A1B2C3D4E5F6",
                    "expiryDate", Instant.now().plusSeconds(1800).toString())).path("request").asString().replace(" ", ""))
                    .as("a charge point reservation, with an id chosen for it").contains("\"connectorId\":0", "\"reservationId\":");
            assertThat(command(connected, "CancelReservation", Map.of("reservationId", 7)).path("chargerStatus").asString()).isEqualTo("Accepted");
        }
    }

    @Test
    void TC_056_CSMS_TC_057_CSMS_TC_066_CSMS_TC_067_CSMS_TC_059_CSMS_chargingProfilesAreSetReadAndCleared() {
        Connected connected = connected("CMD-PROFILE");
        String profile = """
                {"chargingProfileId": 1, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Relative",
                 "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}]}}""";
        try (SimulatedCharger charger = connected.charger()) {
            assertThat(command(connected, "SetChargingProfile", Map.of("connectorId", 0, "chargingProfileJson", profile)).path("chargerStatus")
                    .asString()).isEqualTo("Accepted");
            assertThat(command(connected, "SetChargingProfile", Map.of("connectorId", 1, "chargingProfileJson",
                    profile.replace("TxDefaultProfile", "TxProfile").replace("\"stackLevel\": 0", "\"stackLevel\": 1, \"transactionId\": 5")))
                    .path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(command(connected, "GetCompositeSchedule", Map.of("connectorId", 1, "duration", 3600, "chargingRateUnit", "A"))
                    .path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(command(connected, "ClearChargingProfile", Map.of("id", 1)).path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(command(connected, "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", "04A1B2C3D4E5F6", "chargingProfileJson",
                    profile.replace("TxDefaultProfile", "TxProfile"))).path("chargerStatus").asString()).isEqualTo("Accepted");
        }
    }

    @Test
    void TC_044_1_CSMS_TC_045_1_CSMS_TC_054_CSMS_TC_061_CSMS_firmwareDiagnosticsTriggersAndCache() {
        Connected connected = connected("CMD-FIRMWARE");
        try (SimulatedCharger charger = connected.charger()) {
            assertThat(command(connected, "UpdateFirmware", Map.of("location", "https://firmware.example.com/x1-2.0.bin",
                    "retrieveDate", Instant.now().plusSeconds(60).toString(), "retries", 3)).path("outcome").asString()).isEqualTo("ANSWERED");
            call(charger, "FirmwareStatusNotification", SimulatedCharger.object().put("status", "Downloaded"));
            call(charger, "FirmwareStatusNotification", SimulatedCharger.object().put("status", "Installed"));
            assertThat(command(connected, "GetDiagnostics", Map.of("location", "ftp://diagnostics.example.com/upload")).path("response").asString())
                    .contains("CMD-FIRMWARE-diagnostics.log");
            call(charger, "DiagnosticsStatusNotification", SimulatedCharger.object().put("status", "Uploaded"));
            assertThat(command(connected, "TriggerMessage", Map.of("requestedMessage", "STATUS_NOTIFICATION", "connectorId", 1))
                    .path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(command(connected, "ClearCache", Map.of()).path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(events.named("firmwareStatus")).extracting(RecordingChargerEvents.Event::detail).contains("Downloaded", "Installed");
            assertThat(events.named("diagnosticsStatus")).extracting(RecordingChargerEvents.Event::detail).contains("Uploaded");
        }
    }

    @Test
    void anOuAdminRunsTheRemoteControlActionsOnTheChargePointsOfTheirSubtreeOnly() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String unitA = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "A")).path("organisationUnit")
                .path("id").asString();
        String unitA1 = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", unitA, "name", "A1")).path("organisationUnit")
                .path("id").asString();
        String unitB = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "B")).path("organisationUnit")
                .path("id").asString();
        // an OU admin starts sessions only with the cards of their subtree's profiles (issue 11, item 2)
        String member = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unitA1, "name", "Fleet driver",
                "email", "fleet-driver@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "04A1B2C3D4E5F6", "type", "RFID", "ownerProfileId", member));
        RegisteredCharger inA1 = ownedBy(aCharger(tenant, "OU-IN-A1"), unitA1);
        RegisteredCharger inB = ownedBy(aCharger(tenant, "OU-IN-B"), unitB);
        RegisteredCharger unowned = aCharger(tenant, "OU-UNOWNED");
        String ouAdmin = accessTokenOf(tenant, aUser(tenant, io.chargebase.domain.identity.UserRole.OU_ADMIN,
                GlobalId.decode(unitA).orElseThrow().id(), null));
        List<String> received = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + inA1.slug() + "/",
                inA1.identity(), inA1.secret()).join()) {
            charger.onRemote((action, payload) -> received.add(action));
            call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
            String own = GlobalId.encode("ChargePoint", inA1.ref().chargePointId());

            JsonNode reset = mutate(ouAdmin, "tenant-portal/Reset", Map.of("chargePointId", own, "type", "SOFT", "reason", "Stuck display"));
            assertThat(reset.path("userErrors")).as(reset.toString()).isEmpty();
            assertThat(reset.path("command").path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(reset.path("command").path("reason").asString()).isEqualTo("Stuck display");
            JsonNode start = mutate(ouAdmin, "tenant-portal/RemoteStartTransaction", Map.of("reason", "Operator check", "chargePointId", own, "connectorId", 1,
                    "idTag", "04A1B2C3D4E5F6"));
            assertThat(start.path("command").path("chargerStatus").asString()).as(start.toString()).isEqualTo("Accepted");
            assertThat(mutate(ouAdmin, "tenant-portal/UnlockConnector", Map.of("reason", "Operator check", "chargePointId", own, "connectorId", 1)).path("command")
                    .path("chargerStatus").asString()).isEqualTo("Unlocked");
            eventually(() -> received.contains("RemoteStartTransaction"));

            assertThat(graphQl().document(ouAdmin, "tenant-portal/ChangeConfiguration", Map.of("input", Map.of("reason", "Operator check", "chargePointId", own,
                    "key", "HeartbeatInterval", "value", "60"))).errorTypes()).as("setting a charger up stays with tenant admins")
                    .containsExactly("FORBIDDEN");
            assertThat(graphQl().document(ouAdmin, "tenant-portal/UpdateFirmware", Map.of("input", Map.of("reason", "Operator check", "chargePointId", own,
                    "location", "https://firmware.example.com/x.bin", "retrieveDate", Instant.now().toString()))).errorTypes())
                    .containsExactly("FORBIDDEN");
        }
        for (RegisteredCharger outside : List.of(inB, unowned)) {
            JsonNode refused = mutate(ouAdmin, "tenant-portal/Reset", Map.of("reason", "Operator check", "chargePointId",
                    GlobalId.encode("ChargePoint", outside.ref().chargePointId()), "type", "HARD"));
            assertThat(refused.path("userErrors").get(0).path("code").asString()).as(outside.identity()).isEqualTo("NOT_FOUND");
            assertThat(refused.path("command").isNull()).isTrue();
        }
        JsonNode tenantAdmin = mutate(admin, "tenant-portal/Reset", Map.of("reason", "Operator check", "chargePointId", GlobalId.encode("ChargePoint",
                inB.ref().chargePointId()), "type", "HARD"));
        assertThat(tenantAdmin.path("command").path("outcome").asString()).as("a tenant admin reaches every charge point").isEqualTo("OFFLINE");
    }

    private RegisteredCharger ownedBy(RegisteredCharger charger, String unit) {
        io.chargebase.tenancy.TenantContext.runAs(io.chargebase.tenancy.TenantScope.of(charger.tenant().tenant().id()), () -> locations.setOwner(
                chargePoints.find(charger.ref().chargePointId()).orElseThrow().locationId(), GlobalId.decode(unit).orElseThrow().id()));
        return charger;
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    @Test
    void aChargerThatIsNotConnectedIsReportedOfflineAndBadInputIsRefused() {
        Connected connected = connected("CMD-OFFLINE");
        connected.charger().close();
        eventually(() -> "OFFLINE".equals(command(connected, "ClearCache", Map.of()).path("outcome").asString()));
        JsonNode pastReservation = mutate(connected.admin(), "tenant-portal/ReserveNow", Map.of("reason", "Operator check", "chargePointId", connected.chargePointId(),
                "connectorId", 1, "idTag", "AA", "expiryDate", "2020-01-01T00:00:00Z"));
        assertThat(pastReservation.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        JsonNode badUri = mutate(connected.admin(), "tenant-portal/GetDiagnostics", Map.of("reason", "Operator check", "chargePointId", connected.chargePointId(),
                "location", "not a uri"));
        assertThat(badUri.path("userErrors").get(0).path("field").toString()).contains("location");
        JsonNode differentialFirst = mutate(connected.admin(), "tenant-portal/SendLocalList", Map.of("reason", "Operator check", "chargePointId", connected.chargePointId(),
                "updateType", "DIFFERENTIAL"));
        assertThat(differentialFirst.path("userErrors").get(0).path("message").asString()).contains("full list first");
        JsonNode badProfile = command(connected, "SetChargingProfile", Map.of("connectorId", 1, "chargingProfileJson", "{}"));
        assertThat(badProfile.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(badProfile.path("error").asString()).isNotBlank();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
