package io.chargebase.api.graphql.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.live.LiveUpdates;
import io.chargebase.api.security.Role;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.GraphQlSocket;
import io.chargebase.api.support.Listening;
import io.chargebase.domain.charging.LiveUpdate;

/**
 * The leaks of issue 11, items 1 and 2, as an attacker inside the tenant tried them: a driver following their own
 * session to the charge point and reading its logs and connection; an OU admin reading other subtrees' idTags and the
 * tenant's secrets in the logs of their own charge point, the logs of charge points they do not operate, starting a
 * session on someone else's card, and sending diagnostics to their own server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrowedFieldsIT extends ScopeFixture {

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    @Autowired
    LiveUpdates live;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeAll
    void fixture() {
        buildFixture();
    }

    @Test
    void aDriverFollowsTheirSessionToTheChargePointAndGetsTheDriverViewOnly() {
        GraphQl.Response answer = graphQl().query(driver, """
                { mySessions { edges { node { id chargePoint {
                    id ocppIdentity status location { name } zone { name } evses { evseId status connectorStatus { status errorCode info } }
                    vendor serialNumber localListVersion
                    commands { totalCount edges { node { action request response } } }
                    connection { iccid imsi remoteAddress }
                    communicationLog { edges { node { text } } }
                    statusHistory { edges { node { status vendorErrorCode } } }
                } } } } }""", Map.of());
        assertNothingHidden(Role.DRIVER, "mySessions → chargePoint", answer.raw());
        JsonNode chargePoint = answer.data().path("mySessions").path("edges").get(0).path("node").path("chargePoint");
        assertThat(chargePoint.path("ocppIdentity").asString()).isEqualTo("SCOPE-CP-A");
        assertThat(chargePoint.path("location").path("name").asString()).isEqualTo("Alpha Plaza");
        assertThat(chargePoint.path("zone").path("name").asString()).isEqualTo("Deck 2");
        assertThat(chargePoint.path("evses").get(0).path("connectorStatus").path("status").asString()).isEqualTo("Charging");
        assertThat(chargePoint.path("commands").path("totalCount").asInt()).isZero();
        assertThat(chargePoint.path("commands").path("edges")).isEmpty();
        assertThat(chargePoint.path("communicationLog").path("edges")).isEmpty();
        assertThat(chargePoint.path("connection").isNull()).isTrue();
        assertThat(forbiddenPaths(answer)).containsExactlyInAnyOrder("vendor", "serialNumber", "localListVersion", "commands", "connection",
                "communicationLog", "statusHistory", "errorCode", "info");
    }

    @Test
    void aDriverResolvesNoStaffObjectByIdAndSeesOnlyWhatADriverAppShowsOfTheNetwork() {
        for (String type : List.of("ChargerCommand", "TariffGroup", "TariffPlan", "OrganisationUnit", "LocationGroup", "UserGroup",
                "BusinessPartnerGroup", "ChargePointTemplate", "Tariff")) {
            for (String id : nodes.get(type)) {
                JsonNode node = graphQl().query(driver, "query($id: ID!) { node(id: $id) { __typename id } }", Map.of("id", id)).data().path("node");
                assertThat(node.isNull()).as(type + " " + id).isTrue();
            }
        }
        GraphQl.Response charger = graphQl().query(driver, "query($id: ID!) { node(id: $id) { ... on ChargePoint { ocppIdentity "
                + "evses { evseId tariffGroup { name } connectors { standard locationGroups { name } } } location { name owner { name } } } } }",
                Map.of("id", chargePointB));
        assertNothingHidden(Role.DRIVER, "node(SCOPE-CP-B)", charger.raw());
        assertThat(charger.data().path("node").path("ocppIdentity").asString()).isEqualTo("SCOPE-CP-B");
        assertThat(charger.data().path("node").path("evses").get(0).path("connectors").get(0).path("standard").asString()).isEqualTo("IEC_62196_T2");
        assertThat(forbiddenPaths(charger)).containsExactlyInAnyOrder("tariffGroup", "locationGroups", "owner");
        JsonNode price = graphQl().document(driver, "driver-app/EvsePrice", Map.of("evseId", evseA)).data().path("evsePrice");
        assertThat(price.path("description").asString()).isEqualTo("Public price text");
    }

    @Test
    void anOuAdminReadsTheActionsLogOfTheirChargePointWithForeignIdTagsAndSecretsRedacted() {
        JsonNode commands = graphQl().document(ouAdmin, "tenant-portal/ChargePointCommands", Map.of("id", chargePointA, "first", 50))
                .data().path("node").path("commands");
        assertNothingHidden(Role.OU_ADMIN, "ChargePointCommands", commands.toString());
        Map<String, List<JsonNode>> byAction = new java.util.LinkedHashMap<>();
        commands.path("edges").forEach(edge -> byAction.computeIfAbsent(edge.path("node").path("action").asString(), a -> new ArrayList<>())
                .add(edge.path("node")));
        List<String> starts = byAction.get("RemoteStartTransaction").stream().map(c -> c.path("request").asString()).toList();
        assertThat(starts).anyMatch(request -> request.contains(ALMA_UID)).anyMatch(request -> request.contains(OcppRedaction.MASK));
        JsonNode localList = byAction.get("SendLocalList").getFirst();
        assertThat(localList.path("request").asString()).doesNotContain(DORA_UID, ALMA_UID).contains("4 entries");
        assertThat(byAction.get("ChangeConfiguration").getFirst().path("request").asString()).contains("AuthorizationKey", OcppRedaction.MASK);
        assertThat(byAction.get("GetConfiguration").getFirst().path("response").asString()).contains("HeartbeatInterval", "\"300\"");
        assertThat(byAction.get("UpdateFirmware").getFirst().path("request").asString()).contains("ftp://firmware.scope.example/cp.bin");
        assertThat(byAction.get("ReserveNow").getFirst().path("request").asString()).contains("\"reservationId\":7");
        assertThat(byAction.get("Reset").getFirst().path("error").asString()).isEqualTo("InternalError: busy");

        JsonNode asTenantAdmin = graphQl().document(admin, "tenant-portal/ChargePointCommands", Map.of("id", chargePointA, "first", 50))
                .data().path("node").path("commands");
        assertThat(asTenantAdmin.toString()).as("tenant admins read the log as it is").contains(BRUNO_UID, ORPHAN_UID, "key-" + FOREIGN_TAG,
                "pw-" + FOREIGN_TAG);
    }

    @Test
    void anOuAdminReadsTheCommunicationLogOfTheirChargePointWithForeignIdTagsAndSecretsRedacted() {
        JsonNode frames = graphQl().document(ouAdmin, "tenant-portal/CommunicationLog", Map.of("id", chargePointA, "first", 50))
                .data().path("node").path("communicationLog").path("edges");
        assertNothingHidden(Role.OU_ADMIN, "CommunicationLog", frames.toString());
        List<String> texts = new ArrayList<>();
        frames.forEach(edge -> texts.add(edge.path("node").path("text").asString()));
        assertThat(texts).hasSize(8).anyMatch(text -> text.contains(ALMA_UID))
                .anyMatch(text -> text.contains("StopTransaction") && text.contains(OcppRedaction.MASK) && text.contains("transactionData"));
        assertThat(texts.stream().filter(text -> text.contains("SendLocalList")).findFirst().orElseThrow()).doesNotContain(DORA_UID);
        assertThat(graphQl().document(admin, "tenant-portal/CommunicationLog", Map.of("id", chargePointA, "first", 50)).raw())
                .contains(BRUNO_UID, UNKNOWN_ID_TAG, "frame-key-" + FOREIGN_TAG);
    }

    @Test
    void anOuAdminSeesNoLogsNorConnectionOfChargePointsTheyDoNotOperate() {
        GraphQl.Response answer = graphQl().query(ouAdmin, "query($id: ID!) { node(id: $id) { ... on ChargePoint { ocppIdentity vendor "
                + "connection { iccid remoteAddress } commands { totalCount edges { node { id } } } communicationLog { edges { node { text } } } } } }",
                Map.of("id", chargePointB));
        assertThat(answer.errors()).isEmpty();
        assertNothingHidden(Role.OU_ADMIN, "node(SCOPE-CP-B)", answer.raw());
        JsonNode chargePoint = answer.data().path("node");
        assertThat(chargePoint.path("ocppIdentity").asString()).isEqualTo("SCOPE-CP-B");
        assertThat(chargePoint.path("connection").isNull()).isTrue();
        assertThat(chargePoint.path("commands").path("totalCount").asInt()).isZero();
        assertThat(chargePoint.path("communicationLog").path("edges")).isEmpty();
        JsonNode own = graphQl().query(ouAdmin, "query($id: ID!) { node(id: $id) { ... on ChargePoint { connection { iccid remoteAddress } } } }",
                Map.of("id", chargePointA)).data().path("node").path("connection");
        assertThat(own.path("iccid").asString()).isEqualTo("ICCID-" + STAFF_TAG);
        assertThat(graphQl().query(admin, "query($id: ID!) { node(id: $id) { ... on ChargePoint { connection { iccid } } } }",
                Map.of("id", chargePointB)).raw()).contains("ICCID-" + FOREIGN_TAG);
    }

    @Test
    void anOuAdminStartsAndReservesOnlyWithTokensOfTheirSubtree() {
        for (String foreign : List.of(BRUNO_UID, ORPHAN_UID, UNKNOWN_ID_TAG, "b2b2b2b2b2")) {
            JsonNode refused = mutate(ouAdmin, "tenant-portal/RemoteStartTransaction", Map.of("reason", "Operator check", "chargePointId", chargePointA, "connectorId", 1,
                    "idTag", foreign));
            assertThat(refused.path("command").isNull()).as(foreign).isTrue();
            assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(refused.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"idTag\"]");
        }
        JsonNode started = mutate(ouAdmin, "tenant-portal/RemoteStartTransaction", Map.of("reason", "Operator check", "chargePointId", chargePointA, "connectorId", 1,
                "idTag", ALMA_UID));
        assertThat(started.path("userErrors")).as(started.toString()).isEmpty();
        assertThat(started.path("command").path("request").asString()).contains(ALMA_UID);
        JsonNode reserved = mutate(ouAdmin, "tenant-portal/ReserveNow", Map.of("reason", "Operator check", "chargePointId", chargePointA, "connectorId", 1,
                "idTag", ALMA_UID, "parentIdTag", BRUNO_UID, "expiryDate", "2035-01-01T00:00:00Z"));
        assertThat(reserved.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"parentIdTag\"]");
        JsonNode tenantAdmin = mutate(admin, "tenant-portal/RemoteStartTransaction", Map.of("reason", "Operator check", "chargePointId", chargePointA, "connectorId", 1,
                "idTag", BRUNO_UID));
        assertThat(tenantAdmin.path("userErrors")).as("tenant admins start with any idTag").isEmpty();
    }

    @Test
    void diagnosticsOfOuAdminsGoOnlyToTheTenantsApprovedLocationsAndNobodyNamesAnythingButAFileServer() {
        JsonNode elsewhere = mutate(ouAdmin, "tenant-portal/GetDiagnostics", Map.of("reason", "Operator check", "chargePointId", chargePointA,
                "location", "ftp://collector.attacker.example/"));
        assertThat(elsewhere.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(elsewhere.path("userErrors").get(0).path("message").asString()).contains("ftp://diagnostics.scope.example/uploads/")
                .doesNotContain(FOREIGN_TAG);
        JsonNode approved = mutate(ouAdmin, "tenant-portal/GetDiagnostics", Map.of("reason", "Operator check", "chargePointId", chargePointA,
                "location", "ftp://diagnostics.scope.example/uploads/cp-a/"));
        assertThat(approved.path("userErrors")).as(approved.toString()).isEmpty();
        assertThat(approved.path("command").path("request").asString()).contains("ftp://diagnostics.scope.example/uploads/cp-a/")
                .doesNotContain(FOREIGN_TAG);
        JsonNode sent = graphQl().query(admin, "query($id: ID!) { node(id: $id) { ... on ChargerCommand { request } } }",
                Map.of("id", approved.path("command").path("id").asString())).data().path("node");
        assertThat(sent.path("request").asString()).as("the charger gets the approved server's credentials")
                .contains("ftp://diag:pw-" + FOREIGN_TAG + "@diagnostics.scope.example/uploads/cp-a/");

        assertThat(mutate(admin, "tenant-portal/GetDiagnostics", Map.of("reason", "Operator check", "chargePointId", chargePointA, "location",
                "https://support.vendor.example/upload")).path("userErrors")).as("tenant admins send anywhere").isEmpty();
        for (String notAFileServer : List.of("file:///etc/passwd", "javascript:alert(1)", "ftp:///nohost")) {
            assertThat(mutate(admin, "tenant-portal/GetDiagnostics", Map.of("reason", "Operator check", "chargePointId", chargePointA, "location", notAFileServer))
                    .path("userErrors").get(0).path("code").asString()).as(notAFileServer).isEqualTo("INVALID");
            assertThat(mutate(admin, "tenant-portal/UpdateFirmware", Map.of("reason", "Operator check", "chargePointId", chargePointA, "location", notAFileServer,
                    "retrieveDate", "2030-01-01T00:00:00Z")).path("userErrors").get(0).path("code").asString()).as(notAFileServer).isEqualTo("INVALID");
        }

        JsonNode shown = graphQl().document(ouAdmin, "tenant-portal/ChargingSettings", Map.of()).data().path("chargingSettings");
        assertThat(shown.path("diagnosticsLocations").toString()).isEqualTo("[\"ftp://diagnostics.scope.example/uploads/\"]");
        JsonNode bad = mutate(admin, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 60,
                "temporarilyUnavailableAfterSeconds", 120, "longTermUnavailableAfterSeconds", 300, "failStartTimeoutSeconds", 60,
                "inactivityTimeoutSeconds", 1800, "unknownChargePoints", "ACCEPT_AS_PENDING", "diagnosticsLocations", List.of("gopher://x/")));
        assertThat(bad.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"diagnosticsLocations\",\"0\"]");
        JsonNode kept = graphQl().document(admin, "tenant-portal/ChargingSettings", Map.of()).data().path("chargingSettings");
        assertThat(kept.path("heartbeatIntervalSeconds").asInt()).as("a bad location changes nothing").isEqualTo(300);
        assertThat(kept.path("diagnosticsLocations").get(0).asString()).contains("pw-" + FOREIGN_TAG);
    }

    @Test
    void anOuAdminWatchingTheirChargePointOverWebSocketGetsTheSameRedactedView() {
        try (GraphQlSocket socket = GraphQlSocket.open(baseUrl(), ouAdmin)) {
            assertThat(socket.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            int listening = live.subscribers();
            socket.subscribeQuery("""
                    subscription($id: ID) { chargePointStatus(chargePointId: $id) { status chargePoint { ocppIdentity
                        commands(first: 50) { edges { node { action request response } } } communicationLog(first: 50) { edges { node { text } } } } } }""",
                    Map.of("id", chargePointA));
            Listening.awaitMoreThan(live, listening, WAIT);
            events.publishEvent(new LiveUpdate.ConnectorStatus(tenant.tenant().id(), chargerA.chargePointId(), 1, "Available", "NoError",
                    java.time.Instant.now()));
            JsonNode next = socket.next(WAIT);
            assertThat(next.path("type").asString()).as(next.toString()).isEqualTo("next");
            assertNothingHidden(Role.OU_ADMIN, "chargePointStatus", next.toString());
            JsonNode chargePoint = next.path("payload").path("data").path("chargePointStatus").path("chargePoint");
            assertThat(chargePoint.path("commands").path("edges")).isNotEmpty();
            assertThat(chargePoint.toString()).contains(OcppRedaction.MASK, ALMA_UID);
        }
    }

    /** The last path element of every FORBIDDEN error. */
    private static List<String> forbiddenPaths(GraphQl.Response answer) {
        List<String> paths = new ArrayList<>();
        for (JsonNode error : answer.errors()) {
            assertThat(error.path("extensions").path("classification").asString()).as(answer.raw()).isEqualTo("FORBIDDEN");
            JsonNode path = error.path("path");
            paths.add(path.get(path.size() - 1).asString());
        }
        return paths;
    }
}
