package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;

/**
 * Who may talk to the central system, over real sockets and the real charging domain: unknown identities held
 * pending when the tenant wants that (an operator then registers or dismisses them), and chargers whose boot was not
 * accepted answered with SecurityError (OCPP 1.6 §4.2.1, OCPP-J 1.6 §4.2.3). The pending flow is the central system's
 * side of OCA TC_002 (Cold Boot Charge Point - Pending), which the OCTT lists for charge points only.
 */
class ChargerRegistrationIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private static final String BOOT = "{\"chargePointVendor\": \"ACME\", \"chargePointModel\": \"X1\", \"chargePointSerialNumber\": \"SN-77\","
            + " \"firmwareVersion\": \"2.1.0\"}";
    private static final String STATUS = "{\"connectorId\": 1, \"errorCode\": \"NoError\", \"status\": \"Available\"}";

    private record Tenant(TestTenant tenant, String admin) {

        String slug() {
            return tenant.tenant().slug();
        }
    }

    private Tenant aTenantTakingUnknownChargersAsPending() {
        Tenant tenant = new Tenant(aTenant(), null);
        tenant = new Tenant(tenant.tenant(), tokenOf(tenant.tenant()));
        JsonNode settings = mutate(tenant.admin(), "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 300,
                "temporarilyUnavailableAfterSeconds", 120, "longTermUnavailableAfterSeconds", 300, "failStartTimeoutSeconds", 60,
                "inactivityTimeoutSeconds", 1800, "unknownChargePoints", "ACCEPT_AS_PENDING"));
        assertThat(settings.path("userErrors")).as(settings.toString()).isEmpty();
        return tenant;
    }

    private String aLocation(Tenant tenant) {
        return mutate(tenant.admin(), "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
    }

    private JsonNode register(Tenant tenant, String identity) {
        JsonNode registered = mutate(tenant.admin(), "tenant-portal/RegisterChargePoint", Map.of("locationId", aLocation(tenant),
                "ocppIdentity", identity, "evses", List.of(AssetFixtures.anAcEvse(null))));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
        return registered;
    }

    private TestCharger connect(Tenant tenant, String identity, String secret) {
        return TestCharger.connected(TestCharger.connect(port, tenant.slug(), identity, identity, secret, "ocpp1.6"));
    }

    private int refusal(Tenant tenant, String identity, String secret) {
        return TestCharger.refusal(TestCharger.connect(port, tenant.slug(), identity, identity, secret, "ocpp1.6"));
    }

    private JsonNode pending(Tenant tenant) {
        return graphQl().document(tenant.admin(), "tenant-portal/PendingChargePoints", Map.of()).data().path("pendingChargePoints");
    }

    private static void assertSecurityError(JsonNode answer) {
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(4);
        assertThat(answer.get(2).asString()).isEqualTo("SecurityError");
    }

    private static JsonNode result(JsonNode answer) {
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
        return answer.get(2);
    }

    @Test
    void anUnknownIdentityIsRefusedUnlessTheTenantTakesUnknownChargersAsPending() {
        Tenant refusing = new Tenant(aTenant(), null);
        refusing = new Tenant(refusing.tenant(), tokenOf(refusing.tenant()));
        assertThat(refusal(refusing, "NEW-CP-0", null)).isEqualTo(401);
        assertThat(refusal(refusing, "NEW-CP-0", "any-password")).isEqualTo(401);
        assertThat(pending(refusing)).isEmpty();
    }

    @Test
    void anUnknownChargerIsPendingMaySendOnlyBootAndHeartbeatAndOnceRegisteredReconnectsWithItsSecret() {
        Tenant tenant = aTenantTakingUnknownChargersAsPending();
        Tenant other = aTenantTakingUnknownChargersAsPending();
        String chargePointId;
        String secret;
        try (TestCharger charger = connect(tenant, "NEW-CP-1", null)) {
            assertSecurityError(charger.call("StatusNotification", STATUS));
            JsonNode boot = result(charger.call("BootNotification", BOOT));
            assertThat(boot.path("status").asString()).isEqualTo("Pending");
            assertThat(boot.path("interval").asInt()).isEqualTo(300);
            assertThat(result(charger.call("Heartbeat", "{}")).path("currentTime").asString()).isNotBlank();
            assertSecurityError(charger.call("StatusNotification", STATUS));
            assertSecurityError(charger.call("Authorize", "{\"idTag\": \"04A1B2C3D4E5F6\"}"));
            assertSecurityError(charger.call("StartTransaction",
                    "{\"connectorId\": 1, \"idTag\": \"04A1B2C3D4E5F6\", \"meterStart\": 0, \"timestamp\": \"2026-11-25T10:00:00Z\"}"));
            assertSecurityError(charger.call("MeterValues", "{\"connectorId\": 1, \"meterValue\": []}"));

            JsonNode listed = pending(tenant);
            assertThat(listed).hasSize(1);
            JsonNode row = listed.get(0);
            assertThat(row.path("ocppIdentity").asString()).isEqualTo("NEW-CP-1");
            assertThat(row.path("vendor").asString()).isEqualTo("ACME");
            assertThat(row.path("model").asString()).isEqualTo("X1");
            assertThat(row.path("serialNumber").asString()).isEqualTo("SN-77");
            assertThat(row.path("firmwareVersion").asString()).isEqualTo("2.1.0");
            assertThat(row.path("remoteAddress").asString()).isNotBlank();
            assertThat(row.path("firstSeenAt").asString()).isNotBlank();
            assertThat(row.path("bootedAt").asString()).isNotBlank();
            assertThat(pending(other)).as("a pending identity exists only under its tenant").isEmpty();

            JsonNode noLocation = mutate(tenant.admin(), "tenant-portal/AcceptPendingChargePoint", Map.of("pendingChargePointId",
                    row.path("id").asString(), "locationId", aLocation(other),
                    "evses", List.of(AssetFixtures.anAcEvse(null))));
            assertThat(noLocation.path("userErrors")).as("a failed registration leaves it pending").hasSize(1);
            assertThat(pending(tenant)).hasSize(1);
            assertThat(charger.isClosed()).isFalse();

            JsonNode accepted = mutate(tenant.admin(), "tenant-portal/AcceptPendingChargePoint", Map.of("pendingChargePointId",
                    row.path("id").asString(), "locationId", aLocation(tenant), "evses", List.of(AssetFixtures.anAcEvse(null))));
            assertThat(accepted.path("userErrors")).as(accepted.toString()).isEmpty();
            assertThat(accepted.path("chargePoint").path("ocppIdentity").asString()).isEqualTo("NEW-CP-1");
            assertThat(accepted.path("chargePoint").path("vendor").asString()).as("from its boot").isEqualTo("ACME");
            assertThat(accepted.path("chargePoint").path("serialNumber").asString()).isEqualTo("SN-77");
            chargePointId = accepted.path("chargePoint").path("id").asString();
            secret = accepted.path("chargerSecret").asString();
            assertThat(secret).isNotBlank();
            assertThat(charger.awaitClose()).as("told to reconnect").isEqualTo(1000);
        }
        assertThat(pending(tenant)).isEmpty();
        assertThat(refusal(tenant, "NEW-CP-1", null)).as("registered now: no longer pending without its secret").isEqualTo(401);
        assertThat(refusal(tenant, "NEW-CP-1", "guessed")).isEqualTo(401);
        try (TestCharger charger = connect(tenant, "NEW-CP-1", secret)) {
            assertThat(result(charger.call("BootNotification", BOOT)).path("status").asString()).isEqualTo("Accepted");
            result(charger.call("StatusNotification", STATUS));
        }
        assertThat(chargePointId).isNotBlank();
    }

    @Test
    void whatAPendingChargerSaysCannotRunAsAFormulaInTheCsvExport() {
        Tenant tenant = aTenantTakingUnknownChargersAsPending();
        try (TestCharger charger = connect(tenant, "NEW-CP-CSV", null)) {
            // the schema allows any string: a leading TAB or CR makes spreadsheets strip it and run the rest
            String boot = "{\"chargePointVendor\": \"\\t=cmd|'/C calc'!A0\", \"chargePointModel\": \"\\r@SUM(1)\","
                    + " \"chargePointSerialNumber\": \"-2+3\"}";
            assertThat(result(charger.call("BootNotification", boot)).path("status").asString()).isEqualTo("Pending");
        }
        io.chargebase.api.support.GraphQl.Response csv = new io.chargebase.api.support.GraphQl(baseUrl(), "/graphql/csv")
                .document(tenant.admin(), "tenant-portal/PendingChargePoints", Map.of());
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        assertThat(csv.raw()).contains("\"'\t=cmd|'/C calc'!A0\"", "\"'\r@SUM(1)\"", "'-2+3")
                .doesNotContain(",\"\t=", ",\"\r@", ",-2+3");
    }

    @Test
    void anUnknownConnectionNeverPassesForARegisteredIdentity() {
        Tenant tenant = aTenantTakingUnknownChargersAsPending();
        String secret = register(tenant, "REG-CP-1").path("chargerSecret").asString();
        assertThat(refusal(tenant, "REG-CP-1", null)).isEqualTo(401);
        assertThat(refusal(tenant, "REG-CP-1", secret + "x")).isEqualTo(401);
        assertThat(pending(tenant)).isEmpty();
        TestCharger.connected(TestCharger.connect(port, tenant.slug(), "REG-CP-1", "REG-CP-1", secret, "ocpp1.6")).close();
    }

    @Test
    void aDismissedChargerIsForgottenAndItsSocketClosed() {
        Tenant tenant = aTenantTakingUnknownChargersAsPending();
        try (TestCharger charger = connect(tenant, "NEW-CP-2", "whatever-it-has")) {
            assertThat(result(charger.call("BootNotification", BOOT)).path("status").asString()).isEqualTo("Pending");
            String id = pending(tenant).get(0).path("id").asString();
            JsonNode dismissed = mutate(tenant.admin(), "tenant-portal/DismissPendingChargePoint", Map.of("pendingChargePointId", id));
            assertThat(dismissed.path("dismissedPendingChargePointId").asString()).isEqualTo(id);
            charger.awaitClose();
            JsonNode again = mutate(tenant.admin(), "tenant-portal/DismissPendingChargePoint", Map.of("pendingChargePointId", id));
            assertThat(again.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        }
        assertThat(pending(tenant)).isEmpty();
    }

    /**
     * Until issue 12 item 10, DISABLED was how a registered charger got its boot Rejected; a DISABLED charger is now
     * accepted (it is monitored and commanded, only refused charging), so the rejection a charger carries across
     * reconnects is the one its last boot left, as stored.
     */
    @Test
    void aRejectedChargerGetsSecurityErrorsUntilABootIsAcceptedEvenAcrossReconnects() {
        Tenant tenant = aTenantTakingUnknownChargersAsPending();
        JsonNode registered = register(tenant, "REJ-CP-1");
        String chargePoint = registered.path("chargePoint").path("id").asString();
        String secret = registered.path("chargerSecret").asString();
        try (TestCharger charger = connect(tenant, "REJ-CP-1", secret)) {
            assertThat(result(charger.call("BootNotification", BOOT)).path("status").asString()).isEqualTo("Accepted");
            mutate(tenant.admin(), "tenant-portal/SetChargePointStatus", Map.of("chargePointId", chargePoint, "status", "DISABLED"));
            assertThat(result(charger.call("BootNotification", BOOT)).path("status").asString()).as("DISABLED is accepted").isEqualTo("Accepted");
            result(charger.call("StatusNotification", STATUS));
            result(charger.call("Heartbeat", "{}"));
        }
        java.util.UUID id = io.chargebase.api.graphql.GlobalId.decode(chargePoint).orElseThrow().id();
        io.chargebase.tenancy.TenantContext.runAs(io.chargebase.tenancy.TenantScope.of(tenant.tenant().tenant().id()),
                () -> new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(status ->
                        jdbc.sql("update charger_connection set registration = 'REJECTED' where charge_point_id = ?").param(id).update()));
        try (TestCharger charger = connect(tenant, "REJ-CP-1", secret)) {
            assertSecurityError(charger.call("StatusNotification", STATUS));
            assertSecurityError(charger.call("Heartbeat", "{}"));
            assertThat(result(charger.call("BootNotification", BOOT)).path("status").asString()).isEqualTo("Accepted");
            result(charger.call("StatusNotification", STATUS));
        }
        try (TestCharger charger = connect(tenant, "REJ-CP-1", secret)) {
            result(charger.call("StatusNotification", STATUS));
        }
    }

    @Test
    void anAcceptedChargerReconnectingWithoutRebootingAndANewOneBeforeItsFirstBootMayTalkAtOnce() {
        Tenant tenant = aTenantTakingUnknownChargersAsPending();
        String secret = register(tenant, "RECON-CP-1").path("chargerSecret").asString();
        try (TestCharger charger = connect(tenant, "RECON-CP-1", secret)) {
            result(charger.call("StatusNotification", STATUS));
            assertThat(result(charger.call("BootNotification", BOOT)).path("status").asString()).isEqualTo("Accepted");
        }
        try (TestCharger charger = connect(tenant, "RECON-CP-1", secret)) {
            result(charger.call("StatusNotification", STATUS));
            result(charger.call("Heartbeat", "{}"));
        }
    }
}
