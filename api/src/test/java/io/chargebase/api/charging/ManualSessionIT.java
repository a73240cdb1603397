package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The manual's Start Session and Stop Session (EVSE Actions; issue 12, item 15) over a real OCPP socket: an operator
 * starts a session for a chosen driver with one of their tokens, optionally at a tariff of their choice (a paid one, or a
 * free one), and the session's CDR is priced by it; they stop a session by its id. An OU admin starts sessions only for
 * their subtree's drivers, with their tokens, and stops only their sessions.
 */
class ManualSessionIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String IDENTITY = "MANUAL-CP-1";

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /**
     * A tenant whose plan prices everything at 0.40/kWh, with a 0.25/kWh and a free tariff to choose from; a charger at a
     * location of unit A; Ann (unit A) and Bob (unit B) with a card each, and Ada (unit A) without one.
     */
    private record Site(TestTenant tenant, String admin, String secret, String evse, String unitA, String ann, String annCard, String bob,
            String bobCard, String ada, String chosenTariff, String freeTariff) {
    }

    private Site aSite() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String unitA = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "A")).path("organisationUnit")
                .path("id").asString();
        String unitB = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "B")).path("organisationUnit")
                .path("id").asString();
        String ann = profile(admin, unitA, "Ann");
        String bob = profile(admin, unitB, "Bob");
        String ada = profile(admin, unitA, "Ada");
        String annCard = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0A1B2C3D", "type", "RFID", "ownerProfileId", ann))
                .path("token").path("id").asString();
        String bobCard = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0B1B2C3D", "type", "RFID", "ownerProfileId", bob))
                .path("token").path("id").asString();
        String standard = tariff(admin, "Standard", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.40"));
        String chosen = tariff(admin, "Goodwill", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.25"));
        String free = tariff(admin, "Free", Map.of("kind", "FREE"));
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", standard, "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        mutate(admin, "tenant-portal/SetLocationOwner", Map.of("locationId", location, "organisationUnitId", unitA));
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", IDENTITY,
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1"))));
        return new Site(tenant, admin, registered.path("chargerSecret").asString(), registered.path("chargePoint").path("evses").get(0)
                .path("id").asString(), unitA, ann, annCard, bob, bobCard, ada, chosen, free);
    }

    private String profile(String admin, String unit, String name) {
        return mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name,
                "email", name.toLowerCase(java.util.Locale.ROOT) + "@example.com")).path("profile").path("id").asString();
    }

    private String tariff(String admin, String name, Map<String, Object> pricing) {
        JsonNode created = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", name, "pricing", pricing));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("tariff").path("id").asString();
    }

    /** A connected, booted charger that hands every remote start and stop it accepted to {@code remote}. */
    private SimulatedCharger charger(Site site, List<JsonNode> remote) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + site.tenant().tenant().slug() + "/",
                IDENTITY, site.secret()).join();
        charger.onRemote((action, payload) -> remote.add(SimulatedCharger.object().put("action", action).set("payload", payload)));
        call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
        return charger;
    }

    private static Map<String, Object> start(Site site, String profile, String token, String tariff) {
        Map<String, Object> input = new HashMap<>(Map.of("evseId", site.evse(), "profileId", profile, "tokenId", token,
                "reason", "Driver called: the app had no connection"));
        if (tariff != null) {
            input.put("tariffId", tariff);
        }
        return input;
    }

    /**
     * Starts a session as an operator would, lets the charger start it with what it was sent, charges 10 kWh and
     * stops; returns the MSP CDR's total excl. VAT.
     */
    private String chargeTenKwh(Site site, String tariff) {
        List<JsonNode> remote = new CopyOnWriteArrayList<>();
        int transaction;
        try (SimulatedCharger charger = charger(site, remote)) {
            JsonNode started = mutate(site.admin(), "tenant-portal/StartSession", start(site, site.ann(), site.annCard(), tariff));
            assertThat(started.path("userErrors")).as(started.toString()).isEmpty();
            assertThat(started.path("command").path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(started.path("command").path("reason").asString()).isEqualTo("Driver called: the app had no connection");
            assertThat(started.path("session").path("status").asString()).isEqualTo("PENDING");
            assertThat(started.path("session").path("profile").path("name").asString()).isEqualTo("Ann");
            JsonNode asked = eventually(remote).path("payload");
            assertThat(asked.path("idTag").asString()).as("the chosen token's UID").isEqualTo("0A1B2C3D");
            assertThat(asked.path("connectorId").asInt()).as("the EVSE's connector").isEqualTo(1);
            Instant begin = Instant.now().minus(Duration.ofMinutes(40));
            transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", asked.path("idTag").asString())
                    .put("meterStart", 0).put("timestamp", begin.toString())).path("transactionId").asInt();
            call(charger, "MeterValues", Simulate.meterValues(1, transaction, begin.plus(Duration.ofMinutes(20)), java.math.BigDecimal.valueOf(5_000),
                    java.math.BigDecimal.valueOf(15_000), 50));
            call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                    .put("timestamp", begin.plus(Duration.ofMinutes(39)).toString()).put("reason", "EVDisconnected"));
        }
        for (JsonNode edge : graphQl().document(site.admin(), "tenant-portal/MspCdrs", Map.of("first", 50)).data().path("mspCdrs").path("edges")) {
            if (edge.path("node").path("cdrNumber").asString().equals("TX-" + transaction + "-1")) {
                return edge.path("node").path("totalCost").path("exclVat").asString() + " by " + edge.path("node").path("tariff").path("name").asString();
            }
        }
        throw new AssertionError("No MSP CDR for transaction " + transaction);
    }

    @Test
    void aSessionStartedForADriverIsPricedByTheChosenTariffFreeIncluded() {
        Site site = aSite();
        // 10 kWh: 4.00 at the plan's 0.40/kWh, 2.50 at the chosen 0.25/kWh, nothing at the free tariff
        assertThat(chargeTenKwh(site, null)).isEqualTo("4.0000 by Standard");
        assertThat(chargeTenKwh(site, site.chosenTariff())).isEqualTo("2.5000 by Goodwill");
        assertThat(chargeTenKwh(site, site.freeTariff())).isEqualTo("0.0000 by Free");
    }

    @Test
    void aSessionIsStoppedByItsIdAndOnlyWhileActive() {
        Site site = aSite();
        List<JsonNode> remote = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, remote)) {
            String session = mutate(site.admin(), "tenant-portal/StartSession", start(site, site.ann(), site.annCard(), null)).path("session")
                    .path("id").asString();
            eventually(remote);
            int transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "0A1B2C3D")
                    .put("meterStart", 0).put("timestamp", Instant.now().toString())).path("transactionId").asInt();

            JsonNode blank = mutate(site.admin(), "tenant-portal/StopSession", Map.of("sessionId", session, "reason", " "));
            assertThat(blank.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");
            JsonNode stopped = mutate(site.admin(), "tenant-portal/StopSession", Map.of("sessionId", session, "reason", "Driver cannot unplug"));
            assertThat(stopped.path("userErrors")).as(stopped.toString()).isEmpty();
            assertThat(stopped.path("command").path("action").asString()).isEqualTo("RemoteStopTransaction");
            assertThat(stopped.path("command").path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(stopped.path("command").path("reason").asString()).isEqualTo("Driver cannot unplug");
            awaitSize(remote, 2);
            assertThat(remote.get(1).path("action").asString()).isEqualTo("RemoteStopTransaction");
            assertThat(remote.get(1).path("payload").path("transactionId").asInt()).as("the session's transaction").isEqualTo(transaction);

            call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 1_000)
                    .put("timestamp", Instant.now().toString()).put("reason", "Remote"));
            JsonNode again = mutate(site.admin(), "tenant-portal/StopSession", Map.of("sessionId", session, "reason", "Once more"));
            assertThat(again.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
            assertThat(again.path("userErrors").get(0).path("message").asString()).contains("finished");
            assertThat(remote).as("nothing sent for a finished session").hasSize(2);
        }
    }

    @Test
    void theTokenMustBeTheDriversActiveOneAndInTheCallersScope() {
        Site site = aSite();
        String ouAdmin = accessTokenOf(site.tenant(), aUser(site.tenant(), UserRole.OU_ADMIN, GlobalId.decode(site.unitA()).orElseThrow().id(), null));
        String driver = accessTokenOf(site.tenant(), aUser(site.tenant(), UserRole.DRIVER, null, GlobalId.decode(site.ann()).orElseThrow().id()));
        List<JsonNode> remote = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, remote)) {
            assertThat(code(mutate(ouAdmin, "tenant-portal/StartSession", start(site, site.bob(), site.bobCard(), null))))
                    .as("a driver outside the OU admin's subtree").isEqualTo("NOT_FOUND");
            assertThat(code(mutate(ouAdmin, "tenant-portal/StartSession", start(site, site.ann(), site.bobCard(), null))))
                    .as("a token outside the OU admin's subtree").isEqualTo("NOT_FOUND");
            assertThat(code(mutate(site.admin(), "tenant-portal/StartSession", start(site, site.ada(), site.annCard(), null))))
                    .as("a token of another driver").isEqualTo("INVALID");
            Map<String, Object> noReason = start(site, site.ann(), site.annCard(), null);
            noReason.put("reason", "");
            assertThat(code(mutate(ouAdmin, "tenant-portal/StartSession", noReason))).isEqualTo("REQUIRED");
            assertThat(graphQl().document(driver, "tenant-portal/StartSession", Map.of("input", start(site, site.ann(), site.annCard(), null)))
                    .errorTypes()).as("drivers do not run charger actions").containsExactly("FORBIDDEN");
            mutate(site.admin(), "tenant-portal/BlockToken", Map.of("tokenId", site.annCard(), "reason", "Reported lost"));
            JsonNode blocked = mutate(site.admin(), "tenant-portal/StartSession", start(site, site.ann(), site.annCard(), null));
            assertThat(blocked.path("userErrors").get(0).path("message").asString()).contains("blocked");
            assertThat(remote).as("nothing reached the charger").isEmpty();
            mutate(site.admin(), "tenant-portal/UnblockToken", Map.of("tokenId", site.annCard(), "reason", "Found again"));

            JsonNode own = mutate(ouAdmin, "tenant-portal/StartSession", start(site, site.ann(), site.annCard(), site.freeTariff()));
            assertThat(own.path("userErrors")).as(own.toString()).isEmpty();
            assertThat(own.path("command").path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(eventually(remote).path("payload").path("idTag").asString()).isEqualTo("0A1B2C3D");
            call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "0A1B2C3D")
                    .put("meterStart", 0).put("timestamp", Instant.now().toString()));
        }
        // Bob's session, started by the tenant admin, is not the OU admin's to stop
        List<JsonNode> more = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, more)) {
            String bobs = mutate(site.admin(), "tenant-portal/StartSession", start(site, site.bob(), site.bobCard(), null)).path("session")
                    .path("id").asString();
            eventually(more);
            call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 2).put("idTag", "0B1B2C3D")
                    .put("meterStart", 0).put("timestamp", Instant.now().toString()));
            assertThat(code(mutate(ouAdmin, "tenant-portal/StopSession", Map.of("sessionId", bobs, "reason", "Not mine")))).isEqualTo("NOT_FOUND");
            assertThat(more).hasSize(1);
        }
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("command").isNull()).as(payload.toString()).isTrue();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    private static JsonNode eventually(List<JsonNode> remote) {
        awaitSize(remote, 1);
        return remote.getLast();
    }

    private static void awaitSize(List<JsonNode> remote, int size) {
        assertThat(Eventually.value(remote::size, n -> n >= size)).as("remote commands the charger received").isGreaterThanOrEqualTo(size);
    }
}
