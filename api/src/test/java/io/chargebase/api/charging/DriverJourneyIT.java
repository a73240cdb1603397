package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Browser;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.GraphQlSocket;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.identity.User;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The driver app's whole journey (issue 17 item 7), with the {@code driver-app} documents only and a simulated charger
 * over a real OCPP socket: the driver signs in at the tenant's issuer with the authorization code and PKCE, as the app
 * does; finds a charger on the map with its price; starts there by its EVSE ID; watches the session live over
 * graphql-transport-ws; stops it and sees the CDR. A private charger is neither on the uninvited driver's map nor
 * startable or reservable by them; and of two drivers reserving the same EVSE at once exactly one gets it.
 */
class DriverJourneyIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, Object> NEARBY = Map.of("latitude", 52.3731, "longitude", 4.8926);

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @Test
    void signInFindPriceStartWatchStopAndSeeTheCdr_privateChargersStayPrivate_andOneOfTwoRacingReservationsWins() throws Exception {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String annProfile = profile(admin, root, "Ann", "0A0A0A01");
        String bobProfile = profile(admin, root, "Bob", "0B0B0B01");
        String ivyProfile = profile(admin, root, "Ivy", "0C0C0C01");
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing",
                Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.40"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        assertThat(mutate(admin, "tenant-portal/UpdateReservationSettings", Map.of("enabled", true, "durationMinutes", 15, "reminderMinutes", 5,
                "maxPerDay", 3, "coolDownMinutes", 0)).path("userErrors")).isEmpty();
        String station = location(admin, "Journey Station", 52.3740);
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", station, "ocppIdentity", "JOURNEY-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*JRN*E0001*1"), AssetFixtures.anAcEvse("NL*JRN*E0001*2"))));
        String garage = location(admin, "Residents garage", 52.3750);
        mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", garage, "ocppIdentity", "GARAGE-J",
                "evses", List.of(AssetFixtures.anAcEvse("NL*JRN*E0002*1"))));
        String residents = mutate(admin, "tenant-portal/CreateUserGroup", Map.of("name", "Residents", "profileIds", List.of(ivyProfile)))
                .path("userGroup").path("id").asString();
        assertThat(mutate(admin, "tenant-portal/SetLocationAccess", Map.of("locationId", garage, "access", "PRIVATE",
                "invitedUserGroupIds", List.of(residents))).path("userErrors")).isEmpty();

        // sign in as the app does: authorization code with PKCE at the tenant's issuer, a public client
        User annUser = aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(annProfile).orElseThrow().id());
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        String code = browser.authorizationCode(tenant.issuerPath(), DRIVER_APP, REDIRECT_URI, pkce, annUser.email(), PASSWORD);
        GraphQl.Response exchanged = browser.exchangeCode(tenant.issuerPath(), DRIVER_APP, null, code, REDIRECT_URI, pkce);
        assertThat(exchanged.status()).as(exchanged.raw()).isEqualTo(200);
        assertThat(exchanged.json().path("refresh_token").asString()).as("the app stays signed in").isNotBlank();
        String ann = exchanged.json().path("access_token").asString();
        assertThat(graphQl().document(ann, "driver-app/MyProfile", Map.of()).data().path("myProfile").path("id").asString()).isEqualTo(annProfile);

        // find: the station with its price; the private garage is not on Ann's map
        GraphQl.Response map = graphQl().document(ann, "driver-app/FindChargers", Map.of("near", NEARBY));
        assertThat(map.errorTypes()).as(map.raw()).isEmpty();
        List<String> names = new ArrayList<>();
        map.data().path("findChargers").path("edges").forEach(edge -> names.add(edge.path("node").path("name").asString()));
        assertThat(names).containsExactly("Journey Station");
        JsonNode evse = map.data().path("findChargers").path("edges").get(0).path("node").path("chargePoints").get(0).path("evses").get(0);
        assertThat(evse.path("evseId").asString()).isEqualTo("NL*JRN*E0001*1");
        assertThat(evse.path("price").path("elements").get(0).path("components").get(0).path("price").asString()).isEqualTo("0.40");
        JsonNode price = graphQl().document(ann, "driver-app/EvsePrice", Map.of("evseId", "NL*JRN*E0001*1", "energyKwh", "10",
                "durationMinutes", 60)).data().path("evsePrice");
        assertThat(price.path("estimate").path("total").path("exclVat").asString()).as(price.toString()).startsWith("4.00");

        // private: not startable or reservable by the uninvited, and nothing reaches any charger
        assertThat(firstError(mutate(ann, "driver-app/StartMySession", Map.of("evseId", "NL*JRN*E0002*1")))).isEqualTo("NOT_FOUND");
        assertThat(firstError(mutate(ann, "driver-app/ReserveMyEvse", Map.of("evseId", "NL*JRN*E0002*1")))).isEqualTo("NOT_FOUND");

        List<JsonNode> remote = new CopyOnWriteArrayList<>();
        List<String> commands = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "JOURNEY-1", registered.path("chargerSecret").asString()).join()) {
            charger.onRemote((action, payload) -> remote.add(payload));
            charger.onCommand((action, payload) -> commands.add(action));
            call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));

            // start by the EVSE ID; the charger starts with Ann's token
            JsonNode started = mutate(ann, "driver-app/StartMySession", Map.of("evseId", "NL*JRN*E0001*1"));
            assertThat(started.path("chargerStatus").asString()).as(started.toString()).isEqualTo("Accepted");
            String session = started.path("session").path("id").asString();
            assertThat(Eventually.value(remote::size, n -> n >= 1)).isEqualTo(1);
            assertThat(remote.get(0).path("idTag").asString()).isEqualTo("0A0A0A01");
            Instant begin = Instant.now().minus(Duration.ofMinutes(30));
            int transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", "0A0A0A01")
                    .put("meterStart", 0).put("timestamp", begin.toString())).path("transactionId").asInt();
            call(charger, "MeterValues", Simulate.meterValues(1, transaction, begin.plus(Duration.ofMinutes(10)), BigDecimal.valueOf(2_500),
                    BigDecimal.valueOf(11_000), 40));

            // watch: the live view starts with the session as it stands, then follows it to its end
            try (GraphQlSocket watcher = GraphQlSocket.open(baseUrl(), ann)) {
                assertThat(watcher.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
                watcher.subscribe("driver-app/SessionProgress", Map.of("sessionId", session));
                JsonNode current = watcher.next(WAIT).path("payload").path("data").path("sessionProgress");
                assertThat(current.path("status").asString()).as(current.toString()).isEqualTo("ACTIVE");
                assertThat(current.path("energyKwh").asString()).isEqualTo("2.500");
                assertThat(current.path("runningCost").path("exclVat").asString()).isEqualTo("1.00");

                JsonNode stopped = mutate(ann, "driver-app/StopMySession", Map.of("sessionId", session));
                assertThat(stopped.path("chargerStatus").asString()).as(stopped.toString()).isEqualTo("Accepted");
                assertThat(Eventually.value(remote::size, n -> n >= 2)).isEqualTo(2);
                assertThat(remote.get(1).path("transactionId").asInt()).isEqualTo(transaction);
                call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                        .put("timestamp", begin.plus(Duration.ofMinutes(29)).toString()).put("reason", "Remote"));
                assertThat(watcher.next(WAIT).path("payload").path("data").path("sessionProgress").path("status").asString()).isEqualTo("FINISHED");
            }
            // the CDR: 10 kWh at 0.40/kWh
            JsonNode cdrs = graphQl().document(ann, "driver-app/MyCdrs", Map.of()).data().path("myCdrs");
            assertThat(cdrs.path("totalCount").asInt()).as(cdrs.toString()).isEqualTo(1);
            assertThat(cdrs.toString()).contains("4.0000");

            // two drivers reserve the same EVSE at once: exactly one gets it, and the charger is asked once
            String bob = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(bobProfile).orElseThrow().id()));
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<JsonNode>> racing = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (String driver : List.of(ann, bob)) {
                    racing.add(pool.submit(() -> {
                        together.await();
                        return mutate(driver, "driver-app/ReserveMyEvse", Map.of("evseId", "NL*JRN*E0001*2"));
                    }));
                }
            }
            List<JsonNode> outcomes = new ArrayList<>();
            for (Future<JsonNode> outcome : racing) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes.stream().filter(o -> "ACCEPTED".equals(o.path("reservation").path("status").asString())).count())
                    .as(outcomes.toString()).isEqualTo(1);
            assertThat(outcomes.stream().filter(o -> !o.path("userErrors").isEmpty()).map(DriverJourneyIT::firstError).toList())
                    .containsExactly("IN_USE");
            assertThat(commands.stream().filter("ReserveNow"::equals).count()).isEqualTo(1);
        }
    }

    private String profile(String admin, String unit, String name, String uid) {
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name,
                "email", name.toLowerCase(java.util.Locale.ROOT) + "@example.com")).path("profile").path("id").asString();
        assertThat(mutate(admin, "tenant-portal/CreateToken", Map.of("uid", uid, "type", "APP", "ownerProfileId", profile)).path("userErrors"))
                .isEmpty();
        return profile;
    }

    private String location(String admin, String name, double latitude) {
        Map<String, Object> location = new java.util.HashMap<>(AssetFixtures.aLocation());
        location.put("name", name);
        location.put("latitude", latitude);
        return mutate(admin, "tenant-portal/CreateLocation", location).path("location").path("id").asString();
    }

    private static String firstError(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }
}
