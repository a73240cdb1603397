package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * Plug and charge without authorization per charge point (issue 17 item 5), with a simulated charger over a real
 * OCPP socket: the operator turns it on, the charger is configured for it (FreeVendActive, FreeVendIdTag), and the
 * charger's sessions with that idTag start without any token, anonymous, and are rated for an ad-hoc customer. The
 * idTag means nothing at another charge point, nor once free vend is off.
 */
class FreeVendIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @Test
    void sessionsStartWithoutATokenAndArePricedForAnAdHocCustomer() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String ann = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Ann", "email", "ann@example.com"))
                .path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0A0A0A01", "type", "RFID", "ownerProfileId", ann));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "FV-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*FVD*E0001*1"))));
        JsonNode other = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "FV-2",
                "evses", List.of(AssetFixtures.anAcEvse("NL*FVD*E0002*1"))));
        String chargePoint = registered.path("chargePoint").path("id").asString();
        // the EVSE's tariff group: 0.40/kWh for everyone, a 5.00 flat fee for ad-hoc customers
        JsonNode group = mutate(admin, "tenant-portal/CreateTariffGroup", Map.of("name", "Street")).path("tariffGroup");
        mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", group.path("baseTariff").path("id").asString(), "pricing",
                Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.40")));
        Map<String, Object> adHoc = new HashMap<>(Map.of("name", "Ad hoc", "pricing", Map.of("kind", "FLAT", "pricePerSession", "5.00"),
                "audience", Map.of("adHocUsers", true)));
        String adHocTariff = mutate(admin, "tenant-portal/CreateTariff", adHoc).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/AttachTariff", Map.of("tariffGroupId", group.path("id").asString(), "tariffId", adHocTariff));
        for (JsonNode cp : List.of(registered, other)) {
            assertThat(mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", cp.path("chargePoint").path("evses").get(0).path("id")
                    .asString(), "tariffGroupId", group.path("id").asString())).path("userErrors")).isEmpty();
        }

        try (SimulatedCharger charger = connect(tenant, "FV-1", registered.path("chargerSecret").asString());
                SimulatedCharger plain = connect(tenant, "FV-2", other.path("chargerSecret").asString())) {
            charger.configure("FreeVendActive", "false").configure("FreeVendIdTag", "");
            assertThat(start(charger, "FREEVEND")).as("not before it is turned on").isEqualTo("Invalid");

            JsonNode taken = mutate(admin, "tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", chargePoint, "enabled", true,
                    "idTag", "0a0a0a01"));
            assertThat(taken.path("userErrors").get(0).path("code").asString()).as("a card's UID").isEqualTo("DUPLICATE");
            assertThat(taken.path("configuration")).as("nothing sent").isEmpty();
            JsonNode on = mutate(admin, "tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", chargePoint, "enabled", true));
            assertThat(on.path("userErrors")).as(on.toString()).isEmpty();
            assertThat(on.path("chargePoint").path("freeVendIdTag").asString()).isEqualTo("FREEVEND");
            assertThat(on.path("configuration")).hasSize(2);
            on.path("configuration").forEach(command -> assertThat(command.path("chargerStatus").asString()).isEqualTo("Accepted"));
            assertThat(charger.configuration("FreeVendActive")).isEqualTo("true");
            assertThat(charger.configuration("FreeVendIdTag")).isEqualTo("FREEVEND");

            assertThat(start(plain, "FREEVEND")).as("another charge point's free vend").isEqualTo("Invalid");
            assertThat(authorize(charger, "FREEVEND")).isEqualTo("Accepted");
            Instant begin = Instant.now().minus(Duration.ofMinutes(30));
            JsonNode started = charger.call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "FREEVEND")
                    .put("meterStart", 0).put("timestamp", begin.toString())).toCompletableFuture().join();
            assertThat(started.path("idTagInfo").path("status").asString()).as(started.toString()).isEqualTo("Accepted");
            charger.call("StopTransaction", SimulatedCharger.object().put("transactionId", started.path("transactionId").asInt())
                    .put("meterStop", 10_000).put("timestamp", begin.plus(Duration.ofMinutes(25)).toString()).put("reason", "EVDisconnected"))
                    .toCompletableFuture().join();
            JsonNode cdr = Eventually.value(() -> graphQl().document(admin, "tenant-portal/MspCdrs", Map.of()).data().path("mspCdrs"),
                    cdrs -> cdrs.path("totalCount").asInt() == 1).path("edges").get(0).path("node");
            assertThat(cdr.path("tariff").path("name").asString()).as(cdr.toString()).isEqualTo("Ad hoc");
            assertThat(cdr.path("totalCost").path("exclVat").asString()).startsWith("5.00");
            assertThat(cdr.path("profile").isNull()).as("anonymous").isTrue();

            JsonNode off = mutate(admin, "tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", chargePoint, "enabled", false));
            assertThat(off.path("chargePoint").path("freeVendIdTag").isNull()).as(off.toString()).isTrue();
            assertThat(off.path("configuration")).hasSize(1);
            assertThat(charger.configuration("FreeVendActive")).isEqualTo("false");
            assertThat(start(charger, "FREEVEND")).as("turned off").isEqualTo("Invalid");
        }
        // the server notices the closed socket a moment later: until then the command is sent and fails on the closing socket
        JsonNode offline = Eventually.value(() -> mutate(admin, "tenant-portal/SetChargePointFreeVend", Map.of("chargePointId", chargePoint,
                "enabled", true, "idTag", "PLUGIN")), saved -> !"FAILED".equals(saved.path("configuration").get(0).path("outcome").asString()));
        assertThat(offline.path("chargePoint").path("freeVendIdTag").asString()).as("saved, to be set up at the charger").isEqualTo("PLUGIN");
        assertThat(offline.path("configuration").get(0).path("outcome").asString()).isEqualTo("OFFLINE");
    }

    private SimulatedCharger connect(TestTenant tenant, String identity, String secret) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                identity, secret).join();
        charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                .toCompletableFuture().join();
        return charger;
    }

    private static String start(SimulatedCharger charger, String idTag) {
        JsonNode answer = charger.call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", idTag)
                .put("meterStart", 0).put("timestamp", Instant.now().toString())).toCompletableFuture().join();
        if ("Accepted".equals(answer.path("idTagInfo").path("status").asString())) {
            charger.call("StopTransaction", SimulatedCharger.object().put("transactionId", answer.path("transactionId").asInt())
                    .put("meterStop", 0).put("timestamp", Instant.now().toString())).toCompletableFuture().join();
        }
        return answer.path("idTagInfo").path("status").asString();
    }

    private static String authorize(SimulatedCharger charger, String idTag) {
        return charger.call("Authorize", SimulatedCharger.object().put("idTag", idTag)).toCompletableFuture().join()
                .path("idTagInfo").path("status").asString();
    }
}
