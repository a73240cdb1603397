package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.SessionRated;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * Issue 12 items 10 and 11: the operator's rules of the manual ("Adding a Charge Point": Status; EVSE: Status; "Disable
 * user account") as a charger meets them over its socket, an operator through the portal's documents and a driver
 * through the driver app's. OUT_OF_ORDER and DISABLED charge points, and EVSEs set out of use, refuse Authorize and
 * starts (Invalid); a DISABLED one still connects and is commanded; DEMO sessions are rated and never handed to
 * billing; the cards of a disabled user or an inactive profile are Blocked.
 */
class OperatorRulesIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04A1B2C3D4E5F6";
    private static final String OTHER_CARD = "0A0B0C0D";

    @Autowired
    ConfigurableApplicationContext context;

    private TestTenant tenant;
    private String admin;
    private String location;
    private String profile;
    private String otherProfile;
    private User driverUser;
    private String driver;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @BeforeEach
    void tenantWithTwoDriversAndAPlan() {
        tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        otherProfile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Fleet car 7",
                "email", "fleet7@example.com"))
                .path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", OTHER_CARD, "type", "RFID", "ownerProfileId", otherProfile));
        // 1.00 per session, 0.30/kWh
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        driverUser = aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id());
        driver = accessTokenOf(tenant, driverUser);
    }

    private record Registered(String id, String identity, String secret, List<String> evses) {
    }

    private Registered aChargePoint(String identity, String status) {
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "status", status, "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E" + identity.replace("-", "") + "*1"),
                        AssetFixtures.anAcEvse("NL*CBS*E" + identity.replace("-", "") + "*2"))));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
        List<String> evses = new ArrayList<>();
        registered.path("chargePoint").path("evses").forEach(evse -> evses.add(evse.path("id").asString()));
        return new Registered(registered.path("chargePoint").path("id").asString(), identity, registered.path("chargerSecret").asString(), evses);
    }

    private SimulatedCharger connected(Registered chargePoint) {
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                chargePoint.identity(), chargePoint.secret()).join();
        JsonNode boot = call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
        assertThat(boot.path("status").asString()).as("every operator status is let in and accepted").isEqualTo("Accepted");
        return charger;
    }

    private void setStatus(Registered chargePoint, String status) {
        JsonNode set = mutate(admin, "tenant-portal/SetChargePointStatus", Map.of("chargePointId", chargePoint.id(), "status", status));
        assertThat(set.path("chargePoint").path("status").asString()).as(set.toString()).isEqualTo(status);
    }

    private static String authorize(SimulatedCharger charger, String idTag) {
        return call(charger, "Authorize", SimulatedCharger.object().put("idTag", idTag)).path("idTagInfo").path("status").asString();
    }

    private static JsonNode start(SimulatedCharger charger, int connector, String idTag, Instant at) {
        return call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", connector).put("idTag", idTag)
                .put("meterStart", 0).put("timestamp", at.toString()));
    }

    private static JsonNode stop(SimulatedCharger charger, int transaction, long meterStop, Instant at) {
        return call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", meterStop)
                .put("timestamp", at.toString()).put("reason", "EVDisconnected"));
    }

    private JsonNode remoteStart(Registered chargePoint, Integer connector, String idTag) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("chargePointId", chargePoint.id(), "idTag", idTag, "reason", "Driver called"));
        if (connector != null) {
            input.put("connectorId", connector);
        }
        return mutate(admin, "tenant-portal/RemoteStartTransaction", input);
    }

    private JsonNode sessionOf(int transactionId) {
        for (JsonNode edge : graphQl().document(admin, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions").path("edges")) {
            if (edge.path("node").path("transactionId").asInt() == transactionId) {
                return edge.path("node");
            }
        }
        throw new AssertionError("no session of transaction " + transactionId);
    }

    private List<String> staffEvseStatuses(Registered chargePoint) {
        List<String> statuses = new ArrayList<>();
        graphQl().document(admin, "tenant-portal/ChargePointLive", Map.of("id", chargePoint.id())).data().path("node").path("evses")
                .forEach(evse -> statuses.add(evse.path("status").asString()));
        return statuses;
    }

    private static JsonNode call(SimulatedCharger charger, String action, ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    @Test
    void anOutOfOrderChargePointRefusesAuthorizeStartsAndRemoteStartsAndDriversSeeItOutOfOrder() {
        Registered chargePoint = aChargePoint("OOO-1", "ACTIVE");
        try (SimulatedCharger charger = connected(chargePoint)) {
            call(charger, "StatusNotification", Simulate.status(1, "Available", SimulatedCharger.now()));
            assertThat(authorize(charger, CARD)).isEqualTo("Accepted");

            setStatus(chargePoint, "OUT_OF_ORDER");
            assertThat(authorize(charger, CARD)).isEqualTo("Invalid");
            JsonNode started = start(charger, 1, CARD, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Invalid");
            JsonNode session = sessionOf(started.path("transactionId").asInt());
            assertThat(session.path("status").asString()).isEqualTo("FAILED");
            assertThat(session.path("stopReason").asString()).isEqualTo("Refused: INVALID, charge point out of order");

            JsonNode refused = remoteStart(chargePoint, 1, CARD);
            assertThat(refused.path("command").isNull()).isTrue();
            assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_USABLE");
            assertThat(refused.path("userErrors").get(0).path("message").asString()).contains("charge point out of order");

            // the driver sees the charge point and its EVSEs out of order, staff what the charger reports
            JsonNode seen = graphQl().document(driver, "driver-app/ChargePoint", Map.of("id", chargePoint.id())).data().path("node");
            assertThat(seen.path("status").asString()).isEqualTo("OUT_OF_ORDER");
            assertThat(seen.path("evses").get(0).path("status").asString()).isEqualTo("OUTOFORDER");
            JsonNode price = graphQl().document(driver, "driver-app/EvsePrice", Map.of("evseId", "NL*CBS*EOOO1*1")).data().path("evsePrice");
            assertThat(price.path("evse").path("status").asString()).isEqualTo("OUTOFORDER");
            assertThat(staffEvseStatuses(chargePoint).get(0)).isEqualTo("AVAILABLE");

            setStatus(chargePoint, "ACTIVE");
            assertThat(authorize(charger, CARD)).isEqualTo("Accepted");
            assertThat(graphQl().document(driver, "driver-app/EvsePrice", Map.of("evseId", "NL*CBS*EOOO1*1")).data().path("evsePrice")
                    .path("evse").path("status").asString()).isEqualTo("AVAILABLE");
        }
    }

    @Test
    void anEvseTheOperatorTakesOutOfUseRefusesStartsOnItsConnectorAndKeepsItsStatus() {
        Registered chargePoint = aChargePoint("EVSE-HOLD", "ACTIVE");
        try (SimulatedCharger charger = connected(chargePoint)) {
            JsonNode held = mutate(admin, "tenant-portal/SetEvseStatus", Map.of("evseId", chargePoint.evses().get(0), "status", "OUTOFORDER"));
            assertThat(held.path("evse").path("status").asString()).isEqualTo("OUTOFORDER");
            call(charger, "StatusNotification", Simulate.status(1, "Available", SimulatedCharger.now()));
            call(charger, "StatusNotification", Simulate.status(2, "Available", SimulatedCharger.now()));
            assertThat(staffEvseStatuses(chargePoint)).as("the charger's report does not lift the operator's setting")
                    .containsExactly("OUTOFORDER", "AVAILABLE");

            JsonNode refused = remoteStart(chargePoint, 1, CARD);
            assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_USABLE");
            assertThat(refused.path("userErrors").get(0).path("message").asString()).contains("EVSE 1 out of order");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JsonNode onHeld = start(charger, 1, CARD, now);
            assertThat(onHeld.path("idTagInfo").path("status").asString()).isEqualTo("Invalid");
            assertThat(sessionOf(onHeld.path("transactionId").asInt()).path("stopReason").asString())
                    .isEqualTo("Refused: INVALID, EVSE 1 out of order");
            assertThat(start(charger, 2, CARD, now.plusSeconds(1)).path("idTagInfo").path("status").asString())
                    .as("the other EVSE charges").isEqualTo("Accepted");

            JsonNode disabled = mutate(admin, "tenant-portal/SetEvseStatus", Map.of("evseId", chargePoint.evses().get(0), "status", "INOPERATIVE"));
            assertThat(disabled.path("evse").path("status").asString()).isEqualTo("INOPERATIVE");
            assertThat(start(charger, 1, OTHER_CARD, now.plusSeconds(2)).path("idTagInfo").path("status").asString()).isEqualTo("Invalid");

            mutate(admin, "tenant-portal/SetEvseStatus", Map.of("evseId", chargePoint.evses().get(0), "status", "AVAILABLE"));
            call(charger, "StatusNotification", Simulate.status(1, "Preparing", SimulatedCharger.now()));
            assertThat(staffEvseStatuses(chargePoint).get(0)).as("released, the EVSE follows its charger again").isEqualTo("CHARGING");
            assertThat(start(charger, 1, OTHER_CARD, now.plusSeconds(3)).path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        }
    }

    @Test
    void aDisabledChargePointConnectsAndIsCommandedButCannotChargeAndDriversDoNotSeeIt() {
        Registered shown = aChargePoint("SHOWN-1", "ACTIVE");
        Registered chargePoint = aChargePoint("DISABLED-1", "DISABLED");
        try (SimulatedCharger charger = connected(chargePoint)) {
            call(charger, "StatusNotification", Simulate.status(1, "Available", SimulatedCharger.now()));
            assertThat(call(charger, "Heartbeat", SimulatedCharger.object()).path("currentTime").asString()).isNotBlank();

            // staff monitor it and command it
            JsonNode live = graphQl().document(admin, "tenant-portal/ChargePointLive", Map.of("id", chargePoint.id())).data().path("node");
            assertThat(live.path("connection").path("connected").asBoolean()).isTrue();
            assertThat(live.path("connection").path("registration").asString()).isEqualTo("ACCEPTED");
            assertThat(live.path("connectorStatuses").get(0).path("status").asString()).isEqualTo("Available");
            JsonNode reset = mutate(admin, "tenant-portal/Reset", Map.of("chargePointId", chargePoint.id(), "type", "SOFT", "reason", "Check-up"));
            assertThat(reset.path("command").path("outcome").asString()).as(reset.toString()).isEqualTo("ANSWERED");
            assertThat(reset.path("command").path("chargerStatus").asString()).isEqualTo("Accepted");

            // it cannot charge
            assertThat(authorize(charger, CARD)).isEqualTo("Invalid");
            JsonNode started = start(charger, 1, CARD, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Invalid");
            assertThat(sessionOf(started.path("transactionId").asInt()).path("stopReason").asString())
                    .isEqualTo("Refused: INVALID, charge point disabled");
            assertThat(remoteStart(chargePoint, null, CARD).path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_USABLE");

            // drivers do not see it, nor its EVSEs
            assertThat(graphQl().document(driver, "driver-app/ChargePoint", Map.of("id", chargePoint.id())).data().path("node").isNull()).isTrue();
            assertThat(graphQl().document(driver, "driver-app/ChargePoint", Map.of("id", shown.id())).data().path("node").path("status")
                    .asString()).isEqualTo("ACTIVE");
            List<String> atLocation = new ArrayList<>();
            graphQl().document(driver, "driver-app/Location", Map.of("id", location)).data().path("node").path("chargePoints")
                    .forEach(cp -> atLocation.add(cp.path("ocppIdentity").asString()));
            assertThat(atLocation).containsExactly("SHOWN-1");
            var price = graphQl().document(driver, "driver-app/EvsePrice", Map.of("evseId", "NL*CBS*EDISABLED1*1"));
            assertThat(price.data().path("evsePrice").isObject()).as(price.raw()).isFalse();
            assertThat(price.errors().get(0).path("message").asString()).isEqualTo("No EVSE NL*CBS*EDISABLED1*1.");
            assertThat(graphQl().document(admin, "tenant-portal/Locations", Map.of()).data().path("locations").path("edges").get(0)
                    .path("node").path("chargePoints")).as("staff see both").hasSize(2);
        }
    }

    @Test
    void aDemoChargePointsSessionIsRatedMarkedDemoAndNeverHandedToBilling() {
        List<SessionRated> billed = new CopyOnWriteArrayList<>();
        // billing as it will listen: to every SessionRated, on whichever thread the charger's stop was handled
        ApplicationListener<ApplicationEvent> billing = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof SessionRated rated) {
                billed.add(rated);
            }
        };
        context.addApplicationListener(billing);
        Registered demo = aChargePoint("DEMO-1", "DEMO");
        Registered active = aChargePoint("ACTIVE-1", "ACTIVE");
        try (SimulatedCharger demoCharger = connected(demo); SimulatedCharger activeCharger = connected(active)) {
            Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            JsonNode started = start(demoCharger, 1, CARD, at);
            assertThat(started.path("idTagInfo").path("status").asString()).as("a demo charge point charges").isEqualTo("Accepted");
            int demoTransaction = started.path("transactionId").asInt();
            stop(demoCharger, demoTransaction, 10_000, at.plus(Duration.ofMinutes(30)));
            int billedTransaction = start(activeCharger, 1, OTHER_CARD, at).path("transactionId").asInt();
            stop(activeCharger, billedTransaction, 10_000, at.plus(Duration.ofMinutes(30)));

            JsonNode demoSession = sessionOf(demoTransaction);
            assertThat(demoSession.path("status").asString()).isEqualTo("FINISHED");
            assertThat(demoSession.path("demo").asBoolean()).isTrue();
            assertThat(demoSession.path("cpoCdr").path("demo").asBoolean()).as("and so is its CDR").isTrue();
            // priced for show: 1.00 + 10 kWh × 0.30
            assertThat(demoSession.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("4.0000");
            JsonNode billedSession = sessionOf(billedTransaction);
            assertThat(billedSession.path("demo").asBoolean()).isFalse();
            assertThat(billedSession.path("cpoCdr").path("demo").asBoolean()).isFalse();
            assertThat(billed).as("billing hears of the ordinary session only").extracting(SessionRated::sessionId)
                    .containsExactly(GlobalId.decode(billedSession.path("id").asString()).orElseThrow().id());
            JsonNode mine = graphQl().document(driver, "driver-app/MySessions", Map.of()).data().path("mySessions").path("edges").get(0).path("node");
            assertThat(mine.path("demo").asBoolean()).isTrue();
        } finally {
            context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(billing);
        }
    }

    @Test
    void aDisabledUsersAndAnInactiveProfilesCardsAreBlockedAndCannotBeRemoteStarted() {
        Registered chargePoint = aChargePoint("OWNER-1", "ACTIVE");
        try (SimulatedCharger charger = connected(chargePoint)) {
            Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            assertThat(authorize(charger, CARD)).isEqualTo("Accepted");
            String userId = GlobalId.encode("User", driverUser.id());
            JsonNode disabled = mutate(admin, "tenant-portal/DisableUser", Map.of("userId", userId));
            assertThat(disabled.path("user").path("status").asString()).isEqualTo("DISABLED");
            assertThat(authorize(charger, CARD)).isEqualTo("Blocked");
            JsonNode started = start(charger, 1, CARD, at);
            assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Blocked");
            assertThat(sessionOf(started.path("transactionId").asInt()).path("stopReason").asString())
                    .isEqualTo("Refused: BLOCKED, owner's account disabled");
            JsonNode refused = remoteStart(chargePoint, 1, CARD);
            assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_USABLE");
            assertThat(refused.path("userErrors").get(0).path("field").toString()).contains("idTag");
            assertThat(refused.path("userErrors").get(0).path("message").asString()).contains("owner's account disabled");
            mutate(admin, "tenant-portal/EnableUser", Map.of("userId", userId));
            assertThat(authorize(charger, CARD)).isEqualTo("Accepted");

            assertThat(authorize(charger, OTHER_CARD)).isEqualTo("Accepted");
            JsonNode inactive = mutate(admin, "tenant-portal/DeactivateProfile", Map.of("profileId", otherProfile));
            assertThat(inactive.path("profile").path("status").asString()).isEqualTo("INACTIVE");
            assertThat(authorize(charger, OTHER_CARD)).isEqualTo("Blocked");
            JsonNode other = start(charger, 2, OTHER_CARD, at.plusSeconds(60));
            assertThat(other.path("idTagInfo").path("status").asString()).isEqualTo("Blocked");
            assertThat(sessionOf(other.path("transactionId").asInt()).path("stopReason").asString())
                    .isEqualTo("Refused: BLOCKED, owner's profile inactive");
            assertThat(remoteStart(chargePoint, 2, OTHER_CARD).path("userErrors").get(0).path("message").asString())
                    .contains("owner's profile inactive");
            mutate(admin, "tenant-portal/ReactivateProfile", Map.of("profileId", otherProfile));
            assertThat(authorize(charger, OTHER_CARD)).isEqualTo("Accepted");
        }
    }
}
