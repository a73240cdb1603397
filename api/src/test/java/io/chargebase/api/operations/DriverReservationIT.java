package io.chargebase.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.operations.ReservationSweeper;
import io.chargebase.ocpp.simulator.SimulatedCharger;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Reservations by drivers (issue 17 item 4), as the app makes them with the {@code driver-app} documents against a
 * simulated charger over a real OCPP socket: under the tenant's reservation settings (duration, reminder, so many a
 * day, the cool-down), through ReserveNow with the charger's answer as the outcome, cancelled by the driver with
 * CancelReservation, reminded and expired by the platform's sweep, and in the operator's reservations list. An EVSE
 * reserved for one driver is not started or reserved by another, and of two drivers reserving it at once one wins.
 */
class DriverReservationIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String IDENTITY = "RES-CP-1";

    @Autowired
    ReservationSweeper sweeper;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /** A charger with EVSEs NL*RES*E0001*1 and *2, one never connected with NL*RES*E0002*1; Ann and Bob with an app token each. */
    private record Site(TestTenant tenant, String admin, String secret, String chargePoint, List<String> evses, String ann, String bob) {
    }

    private Site aSite() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String ann = profile(admin, root, "Ann");
        String bob = profile(admin, root, "Bob");
        for (Map<String, Object> token : List.<Map<String, Object>>of(Map.of("uid", "0A0A0A01", "type", "APP", "ownerProfileId", ann),
                Map.of("uid", "0B0B0B01", "type", "APP", "ownerProfileId", bob))) {
            assertThat(mutate(admin, "tenant-portal/CreateToken", token).path("userErrors")).isEmpty();
        }
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", IDENTITY,
                "evses", List.of(AssetFixtures.anAcEvse("NL*RES*E0001*1"), AssetFixtures.anAcEvse("NL*RES*E0001*2"))));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
        mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "RES-CP-2",
                "evses", List.of(AssetFixtures.anAcEvse("NL*RES*E0002*1"))));
        List<String> evses = new ArrayList<>();
        registered.path("chargePoint").path("evses").forEach(evse -> evses.add(evse.path("id").asString()));
        return new Site(tenant, admin, registered.path("chargerSecret").asString(), registered.path("chargePoint").path("id").asString(), evses,
                driver(tenant, ann), driver(tenant, bob));
    }

    private String profile(String admin, String unit, String name) {
        return mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name,
                "email", name.toLowerCase(java.util.Locale.ROOT) + "@example.com")).path("profile").path("id").asString();
    }

    private String driver(TestTenant tenant, String profile) {
        return accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
    }

    private JsonNode settings(Site site, boolean enabled, int duration, int reminder, int maxPerDay, int coolDown) {
        return mutate(site.admin(), "tenant-portal/UpdateReservationSettings", Map.of("enabled", enabled, "durationMinutes", duration,
                "reminderMinutes", reminder, "maxPerDay", maxPerDay, "coolDownMinutes", coolDown));
    }

    private SimulatedCharger charger(Site site, List<JsonNode> calls) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + site.tenant().tenant().slug() + "/",
                IDENTITY, site.secret()).join();
        charger.onCommand((action, payload) -> {
            if (action.endsWith("Reservation") || action.equals("ReserveNow") || action.equals("RemoteStartTransaction")) {
                calls.add(SimulatedCharger.object().put("action", action).set("payload", payload));
            }
        });
        charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                .toCompletableFuture().join();
        return charger;
    }

    private JsonNode reserve(String driver, String evseId) {
        return mutate(driver, "driver-app/ReserveMyEvse", Map.of("evseId", evseId));
    }

    private JsonNode cancel(String driver, String reservation) {
        return mutate(driver, "driver-app/CancelMyReservation", Map.of("reservationId", reservation));
    }

    @Test
    void aDriverReservesUnderTheSettingsCancelsAndTheOperatorSeesIt() {
        Site site = aSite();
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, calls)) {
            JsonNode off = reserve(site.ann(), "NL*RES*E0001*1");
            assertThat(code(off)).as("reservations are off until the tenant offers them").isEqualTo("NOT_USABLE");
            assertThat(code(settings(site, true, 20, 25, 3, 10))).as("a reminder after the end").isEqualTo("OUT_OF_ORDER");
            assertThat(code(settings(site, true, 20, 5, 0, 10))).isEqualTo("INVALID");
            JsonNode saved = settings(site, true, 20, 5, 3, 10);
            assertThat(saved.path("reservationSettings").path("coolDownMinutes").asInt()).as(saved.toString()).isEqualTo(10);
            assertThat(graphQl().document(site.admin(), "tenant-portal/ReservationSettings", Map.of()).data().path("reservationSettings")
                    .path("durationMinutes").asInt()).isEqualTo(20);

            Instant before = Instant.now();
            JsonNode reserved = reserve(site.ann(), "NL*RES*E0001*1");
            assertThat(reserved.path("userErrors")).as(reserved.toString()).isEmpty();
            assertThat(reserved.path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(reserved.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(reserved.path("message").asString()).startsWith("The EVSE NL*RES*E0001*1 is reserved for you until ");
            JsonNode reservation = reserved.path("reservation");
            assertThat(reservation.path("status").asString()).isEqualTo("ACCEPTED");
            assertThat(reservation.path("evse").path("evseId").asString()).isEqualTo("NL*RES*E0001*1");
            Instant expires = Instant.parse(reservation.path("expiresAt").asString());
            assertThat(expires).as("the tenant's duration").isBetween(before.plusSeconds(20 * 60 - 1), Instant.now().plusSeconds(20 * 60 + 1));
            JsonNode asked = calls.get(0);
            assertThat(asked.path("action").asString()).isEqualTo("ReserveNow");
            assertThat(asked.path("payload").path("idTag").asString()).as("held for the driver's token").isEqualTo("0A0A0A01");
            assertThat(asked.path("payload").path("connectorId").asInt()).isEqualTo(1);
            assertThat(Instant.parse(asked.path("payload").path("expiryDate").asString())).isEqualTo(expires);
            int reservationId = asked.path("payload").path("reservationId").asInt();

            // the operator's list shows it, with the EVSE and the driver's token
            JsonNode listed = graphQl().document(site.admin(), "tenant-portal/Reservations", Map.of()).data().path("reservations");
            assertThat(listed.path("totalCount").asInt()).isEqualTo(1);
            JsonNode row = listed.path("edges").get(0).path("node");
            assertThat(row.path("status").asString()).isEqualTo("ACCEPTED");
            assertThat(row.path("evse").path("evseId").asString()).isEqualTo("NL*RES*E0001*1");
            assertThat(row.path("token").path("uid").asString()).isEqualTo("0A0A0A01");
            assertThat(row.path("command").path("reason").asString()).isEqualTo("Reserved from the driver app");

            // held for Ann: Bob neither starts nor reserves there, nor sees or cancels Ann's reservation
            JsonNode bobStarts = mutate(site.bob(), "driver-app/StartMySession", Map.of("evseId", "NL*RES*E0001*1"));
            assertThat(bobStarts.path("userErrors").get(0).path("code").asString()).as(bobStarts.toString()).isEqualTo("IN_USE");
            assertThat(bobStarts.path("userErrors").get(0).path("message").asString()).contains("reserved for another driver");
            JsonNode bobReserves = reserve(site.bob(), "NL*RES*E0001*1");
            assertThat(code(bobReserves)).isEqualTo("IN_USE");
            assertThat(bobReserves.path("userErrors").get(0).path("message").asString()).contains("is reserved");
            assertThat(code(cancel(site.bob(), reservation.path("id").asString()))).as("someone else's reservation").isEqualTo("NOT_FOUND");
            assertThat(myReservations(site.bob()).path("totalCount").asInt()).isZero();
            assertThat(code(reserve(site.ann(), "NL*RES*E0001*2"))).as("one held at a time").isEqualTo("LIMIT_REACHED");
            assertThat(calls).as("nothing refused reached the charger").hasSize(1);

            JsonNode cancelled = cancel(site.ann(), reservation.path("id").asString());
            assertThat(cancelled.path("userErrors")).as(cancelled.toString()).isEmpty();
            assertThat(cancelled.path("chargerStatus").asString()).isEqualTo("Accepted");
            assertThat(cancelled.path("reservation").path("status").asString()).isEqualTo("CANCELLED");
            assertThat(calls.get(1).path("action").asString()).isEqualTo("CancelReservation");
            assertThat(calls.get(1).path("payload").path("reservationId").asInt()).isEqualTo(reservationId);
            assertThat(code(cancel(site.ann(), reservation.path("id").asString()))).as("cancelled already").isEqualTo("INVALID");
            JsonNode coolDown = reserve(site.ann(), "NL*RES*E0001*2");
            assertThat(code(coolDown)).as("the cool-down after a cancelled reservation").isEqualTo("LIMIT_REACHED");
            assertThat(coolDown.path("userErrors").get(0).path("message").asString()).contains("can be made from");

            // released: Bob may now
            JsonNode bobs = reserve(site.bob(), "NL*RES*E0001*1");
            assertThat(bobs.path("reservation").path("status").asString()).as(bobs.toString()).isEqualTo("ACCEPTED");
            assertThat(myReservations(site.ann()).path("edges").get(0).path("node").path("status").asString()).isEqualTo("CANCELLED");
            assertThat(myReservations(site.bob()).path("totalCount").asInt()).isEqualTo(1);
            assertThat(graphQl().document(site.admin(), "driver-app/MyReservations", Map.of()).errorTypes()).as("a driver's own")
                    .containsExactly("FORBIDDEN");
            assertThat(graphQl().document(site.ann(), "tenant-portal/UpdateReservationSettings", Map.of("input", Map.of("enabled", true,
                    "durationMinutes", 20, "reminderMinutes", 5, "maxPerDay", 3, "coolDownMinutes", 0))).errorTypes()).containsExactly("FORBIDDEN");
        }
    }

    @Test
    void theChargersAnswerIsTheOutcomeAndWhatIsBeyondTheLimitsIsRefused() {
        Site site = aSite();
        settings(site, true, 15, 5, 2, 0);
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, calls)) {
            assertThat(code(reserve(site.ann(), "NL*RES*E9999*1"))).as("an unknown EVSE ID").isEqualTo("NOT_FOUND");
            anotherTenantsEvse("NL*OTH*E0001*1");
            assertThat(code(reserve(site.ann(), "NL*OTH*E0001*1"))).as("another tenant's EVSE").isEqualTo("NOT_FOUND");
            mutate(site.admin(), "tenant-portal/SetEvseReservationTime", Map.of("evseId", site.evses().get(1), "minutes", 0));
            assertThat(code(reserve(site.ann(), "NL*RES*E0001*2"))).as("an EVSE that takes no reservations").isEqualTo("NOT_USABLE");
            mutate(site.admin(), "tenant-portal/SetEvseReservationTime", Map.of("evseId", site.evses().get(1), "minutes", 45));

            for (String status : List.of("Occupied", "Faulted", "Unavailable", "Rejected")) {
                charger.answeringReservations(status);
                JsonNode refused = reserve(site.ann(), "NL*RES*E0001*1");
                assertThat(refused.path("userErrors")).as(refused.toString()).isEmpty();
                assertThat(refused.path("outcome").asString()).isEqualTo("ANSWERED");
                assertThat(refused.path("chargerStatus").asString()).isEqualTo(status);
                assertThat(refused.path("reservation").path("status").asString()).as("holds nothing").isEqualTo("REFUSED");
            }
            assertThat(reserve(site.ann(), "NL*RES*E0001*1").path("message").asString()).contains("refused the reservation (Rejected)");
            JsonNode offline = reserve(site.ann(), "NL*RES*E0002*1");
            assertThat(offline.path("outcome").asString()).as(offline.toString()).isEqualTo("OFFLINE");
            assertThat(offline.path("message").asString()).isEqualTo("The charger is offline; the EVSE is not reserved.");
            assertThat(offline.path("reservation").path("status").asString()).isEqualTo("NOT_ANSWERED");

            // refusals do not count towards the day's two; the EVSE's own time comes before the tenant's 15 minutes
            charger.answeringReservations("Accepted");
            Instant before = Instant.now();
            JsonNode first = reserve(site.ann(), "NL*RES*E0001*2");
            assertThat(first.path("reservation").path("status").asString()).as(first.toString()).isEqualTo("ACCEPTED");
            assertThat(Instant.parse(first.path("reservation").path("expiresAt").asString())).isAfter(before.plusSeconds(44 * 60));
            cancel(site.ann(), first.path("reservation").path("id").asString());
            JsonNode second = reserve(site.ann(), "NL*RES*E0001*1");
            assertThat(second.path("reservation").path("status").asString()).as(second.toString()).isEqualTo("ACCEPTED");
            cancel(site.ann(), second.path("reservation").path("id").asString());
            JsonNode third = reserve(site.ann(), "NL*RES*E0001*1");
            assertThat(code(third)).as("two a day").isEqualTo("LIMIT_REACHED");
            assertThat(third.path("userErrors").get(0).path("message").asString()).contains("2 reservations in the last 24 hours");
        }
    }

    @Test
    void twoDriversReservingTheSameEvseAtOnceOneWins() throws Exception {
        Site site = aSite();
        settings(site, true, 15, 5, 10, 0);
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, calls); ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<JsonNode>> racing = new ArrayList<>();
                for (String driver : List.of(site.ann(), site.bob())) {
                    racing.add(pool.submit(() -> {
                        together.await();
                        return reserve(driver, "NL*RES*E0001*1");
                    }));
                }
                List<JsonNode> outcomes = new ArrayList<>();
                for (Future<JsonNode> outcome : racing) {
                    outcomes.add(outcome.get());
                }
                List<JsonNode> won = outcomes.stream().filter(o -> "ACCEPTED".equals(o.path("reservation").path("status").asString())).toList();
                assertThat(won).as("round %d: %s", round, outcomes).hasSize(1);
                JsonNode lost = outcomes.stream().filter(o -> !o.path("userErrors").isEmpty()).findFirst().orElseThrow();
                assertThat(lost.path("userErrors").get(0).path("code").asString()).as(lost.toString()).isEqualTo("IN_USE");
                assertThat(calls.stream().filter(c -> c.path("action").asString().equals("ReserveNow")).count())
                        .as("one ReserveNow a round").isEqualTo(round + 1);
                String winner = won.get(0).path("reservation").path("id").asString();
                JsonNode cancelled = cancel(outcomes.indexOf(won.get(0)) == 0 ? site.ann() : site.bob(), winner);
                assertThat(cancelled.path("reservation").path("status").asString()).as(cancelled.toString()).isEqualTo("CANCELLED");
            }
        }
        JsonNode listed = graphQl().document(site.admin(), "tenant-portal/Reservations", Map.of()).data().path("reservations");
        assertThat(listed.path("totalCount").asInt()).as("only the winners' reservations were made").isEqualTo(3);
    }

    @Test
    void theSweepRemindsTheDriverOnceAndExpiresTheReservation() {
        Site site = aSite();
        settings(site, true, 20, 5, 3, 30);
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        try (SimulatedCharger charger = charger(site, calls)) {
            JsonNode reserved = reserve(site.ann(), "NL*RES*E0001*1");
            assertThat(reserved.path("reservation").path("status").asString()).as(reserved.toString()).isEqualTo("ACCEPTED");
            Instant expires = Instant.parse(reserved.path("reservation").path("expiresAt").asString());
            var tenant = site.tenant().tenant().id();

            assertThat(sweeper.sweep(tenant, expires.minus(Duration.ofMinutes(6)))).isEqualTo(new ReservationSweeper.Swept(0, 0));
            assertThat(sweeper.due(expires.minus(Duration.ofMinutes(4)))).contains(tenant);
            assertThat(sweeper.sweep(tenant, expires.minus(Duration.ofMinutes(4)))).as("reminded within 5 minutes of the end")
                    .isEqualTo(new ReservationSweeper.Swept(0, 1));
            assertThat(sweeper.sweep(tenant, expires.minus(Duration.ofMinutes(3)))).as("once").isEqualTo(new ReservationSweeper.Swept(0, 0));
            List<String> mail = inTenant(site, () -> jdbc.sql("select subject || ' / ' || body from outbound_mail where recipient = 'ann@example.com'")
                    .query(String.class).list());
            assertThat(mail).hasSize(1);
            assertThat(mail.get(0)).startsWith("Your reservation ends at ").contains("NL*RES*E0001*1");

            assertThat(sweeper.sweep(tenant, expires.plusSeconds(1))).isEqualTo(new ReservationSweeper.Swept(1, 0));
            assertThat(sweeper.due(expires.plusSeconds(2))).as("nothing left to do").doesNotContain(tenant);
            assertThat(myReservations(site.ann()).path("edges").get(0).path("node").path("status").asString()).isEqualTo("EXPIRED");
            JsonNode expired = graphQl().document(site.admin(), "tenant-portal/Reservations", Map.of("filter", Map.of("status", "EXPIRED")))
                    .data().path("reservations");
            assertThat(expired.path("totalCount").asInt()).as(expired.toString()).isEqualTo(1);
            String written = inTenant(site, () -> jdbc.sql("select status from reservation").query(String.class).single());
            assertThat(written).as("written, not only read from the clock").isEqualTo("EXPIRED");
            assertThat(calls).hasSize(1);
        }
    }

    private JsonNode myReservations(String driver) {
        return graphQl().document(driver, "driver-app/MyReservations", Map.of()).data().path("myReservations");
    }

    private void anotherTenantsEvse(String evseId) {
        String admin = tokenOf(aTenant());
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        assertThat(mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "OTHER-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(evseId)))).path("userErrors")).isEmpty();
    }

    private <T> T inTenant(Site site, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(site.tenant().tenant().id()),
                () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }
}
