package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import io.chargebase.ocpp.v16.Action16;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

/** A charger over a real socket against the running application: handshake, calls both ways, bad input, replacement. */
class OcppTransportIT extends OcppIntegrationTest {

    private static final String BOOT = "{\"chargePointVendor\": \"ACME\", \"chargePointModel\": \"X1\"}";
    private static final String HARD_RESET = "{\"type\": \"Hard\"}";

    // ---- handshake

    @Test
    void TC_085_CSMS_basicAuthenticationWithTheRightPasswordConnectsWithOcpp16() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-085");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            assertThat(socket.protocol()).isEqualTo("ocpp1.6");
            awaitEvent(charger, "connected");
        }
        awaitEvent(charger, "disconnected");
    }

    @Test
    void aWrongOrMissingPasswordIsRefusedWith401() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-PW");

        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-PW", "CP-PW", charger.secret() + "x", "ocpp1.6")))
                .isEqualTo(401);
        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-PW", "CP-PW", null, "ocpp1.6"))).isEqualTo(401);
        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-PW", "OTHER", charger.secret(), "ocpp1.6")))
                .as("credentials naming another identity").isEqualTo(401);
    }

    @Test
    void unknownIdentityUnknownTenantAndWrongCaseAreRefusedAlike() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-Known");

        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-Unknown", "CP-Unknown", charger.secret(), "ocpp1.6")))
                .isEqualTo(401);
        assertThat(TestCharger.refusal(TestCharger.connect(port, "no-such-tenant", "CP-Known", "CP-Known", charger.secret(), "ocpp1.6")))
                .isEqualTo(401);
        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "cp-known", "cp-known", charger.secret(), "ocpp1.6")))
                .as("identities are case-sensitive").isEqualTo(401);
    }

    @Test
    void aChargerOfAnotherTenantsPathNeverAuthenticates() {
        RegisteredCharger ours = aCharger(aTenant(), "CP-SHARED");
        RegisteredCharger theirs = aCharger(aTenant(), "CP-SHARED");

        assertThat(TestCharger.refusal(TestCharger.connect(port, theirs.slug(), "CP-SHARED", "CP-SHARED", ours.secret(), "ocpp1.6")))
                .isEqualTo(401);
        try (TestCharger socket = TestCharger.connected(connect(theirs))) {
            awaitEvent(theirs, "connected");
            assertThat(events.of(ours.ref())).isEmpty();
        }
    }

    @Test
    void theIdentityIsUrlDecoded() {
        RegisteredCharger charger = aCharger(aTenant(), "CP:7*A");

        try (TestCharger socket = TestCharger.connected(TestCharger.connect(port, charger.slug(), "CP%3A7%2AA", "CP:7*A",
                charger.secret(), "ocpp1.6"))) {
            assertThat(socket.call("Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
    }

    @Test
    void aRenewedSecretReplacesTheOldOneAndAnOperatorMayChooseOne() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-ROTATE");
        String admin = tokenOf(charger.tenant());
        String id = io.chargebase.api.graphql.GlobalId.encode(io.chargebase.api.graphql.Types.CHARGE_POINT, charger.ref().chargePointId());
        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            assertThat(socket.protocol()).isEqualTo("ocpp1.6");
        }

        JsonNode renewed = mutate(admin, "tenant-portal/RenewChargerSecret", java.util.Map.of("chargePointId", id));
        String secret = renewed.path("chargerSecret").asString();
        assertThat(secret).as(renewed.toString()).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(charger.secret());
        assertThat(TestCharger.refusal(connect(charger))).as("the old secret, checked once before").isEqualTo(401);
        try (TestCharger socket = TestCharger.connected(TestCharger.connect(port, charger.slug(), "CP-ROTATE", "CP-ROTATE", secret, "ocpp1.6"))) {
            assertThat(socket.protocol()).isEqualTo("ocpp1.6");
        }

        JsonNode tooShort = mutate(admin, "tenant-portal/SetChargerSecret", java.util.Map.of("chargePointId", id, "secret", "short"));
        assertThat(tooShort.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        JsonNode chosen = mutate(admin, "tenant-portal/SetChargerSecret", java.util.Map.of("chargePointId", id, "secret", "workshop-key-2026"));
        assertThat(chosen.path("userErrors")).as(chosen.toString()).isEmpty();
        for (int attempt = 0; attempt < 2; attempt++) {
            // the second time from this instance's memory of the checked secret, with the same outcome
            try (TestCharger socket = TestCharger.connected(TestCharger.connect(port, charger.slug(), "CP-ROTATE", "CP-ROTATE", "workshop-key-2026",
                    "ocpp1.6"))) {
                assertThat(socket.protocol()).isEqualTo("ocpp1.6");
            }
        }
        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-ROTATE", "CP-ROTATE", secret, "ocpp1.6")))
                .as("the generated secret it replaced").isEqualTo(401);
        mutate(admin, "tenant-portal/SetChargerSecret", java.util.Map.of("chargePointId", id, "secret", "workshop-key-2027"));
        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-ROTATE", "CP-ROTATE", "workshop-key-2026", "ocpp1.6")))
                .as("a remembered check ends with the secret it checked").isEqualTo(401);
    }

    /** Was aDisabledChargePointIsRefused (401) until issue 12 item 10: staff monitor and command a DISABLED charger. */
    @Test
    void aDisabledChargePointIsLetIn() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-OFF");
        TenantContext.runAs(TenantScope.of(charger.ref().tenantId()),
                () -> chargePoints.setStatus(charger.ref().chargePointId(), AssetTypes.ChargePointStatus.DISABLED));

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            assertThat(socket.protocol()).isEqualTo("ocpp1.6");
        }
    }

    @Test
    void withoutTheOcpp16SubprotocolTheUpgradeIsRefused() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-PROTO");

        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-PROTO", "CP-PROTO", charger.secret(), "ocpp2.0.1")))
                .isEqualTo(400);
        assertThat(TestCharger.refusal(TestCharger.connect(port, charger.slug(), "CP-PROTO", "CP-PROTO", charger.secret())))
                .isEqualTo(400);
        assertThat(events.of(charger.ref())).isEmpty();
    }

    @Test
    void aChargerOfferingSeveralProtocolsGetsOcpp16() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-MULTI");

        try (TestCharger socket = TestCharger.connected(TestCharger.connect(port, charger.slug(), "CP-MULTI", "CP-MULTI",
                charger.secret(), "ocpp2.0.1", "ocpp1.6"))) {
            assertThat(socket.protocol()).isEqualTo("ocpp1.6");
        }
    }

    // ---- calls from the charger

    @Test
    void TC_001_CSMS_coldBootIsAcceptedWithTheHeartbeatIntervalAndEveryFrameIsLogged() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-001");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            JsonNode boot = socket.call("BootNotification", BOOT);
            assertThat(boot.get(0).asInt()).isEqualTo(3);
            assertThat(boot.get(2).get("status").asString()).isEqualTo("Accepted");
            assertThat(boot.get(2).get("interval").asInt()).isEqualTo(300);
            assertThat(Instant.parse(boot.get(2).get("currentTime").asString())).isCloseTo(Instant.now(),
                    org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));

            JsonNode status = socket.call("StatusNotification", "{\"connectorId\": 1, \"errorCode\": \"NoError\", \"status\": \"Available\"}");
            assertThat(status.get(2).isEmpty()).isTrue();
            assertThat(socket.call("Heartbeat", "{}").get(2).has("currentTime")).isTrue();

            String bootId = boot.get(1).asString();
            assertThat(events.of(charger.ref())).filteredOn(e -> e.name().equals("frame")).extracting(e -> (String) e.detail())
                    .anyMatch(frame -> frame.startsWith("IN BootNotification " + bootId + " "))
                    .anyMatch(frame -> frame.startsWith("OUT BootNotification " + bootId + " "));
            assertThat(events.of(charger.ref())).extracting(RecordingChargerEvents.Event::name)
                    .containsSubsequence("connected", "boot", "status", "heartbeat");
            assertThat(events.of(charger.ref())).as("every event is reported acting for the charger's tenant")
                    .extracting(RecordingChargerEvents.Event::scope).containsOnly(TenantScope.of(charger.ref().tenantId()));
        }
    }

    @Test
    void TC_064_CSMS_dataTransferToTheCentralSystemIsAnswered() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-064");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            assertThat(socket.call("DataTransfer", "{\"vendorId\": \"com.acme\", \"messageId\": \"x\"}").get(2).get("status").asString())
                    .isEqualTo("UnknownVendorId");
        }
    }

    // ---- bad input

    @Test
    void aGarbageFrameIsAnsweredWithFormationViolationAndTheSocketGoesOn() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-GARBAGE");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            socket.send("[2, \"g-1\", \"Heartbeat\", {\"x\": ]");
            JsonNode error = socket.awaitAnswer("g-1");
            assertThat(error.get(0).asInt()).isEqualTo(4);
            assertThat(error.get(2).asString()).isEqualTo("FormationViolation");

            socket.send("this is no JSON at all");
            socket.send(new String(new char[] {0, 0xFFFF, '[', '{'}));
            assertThat(socket.call("Heartbeat", "{}").get(0).asInt()).as("the next call is still answered").isEqualTo(3);
        }
    }

    @Test
    void aFrameWhoseIdCannotBeReadIsAnsweredAtMinusOneAndTheSocketGoesOn() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-NO-ID");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            socket.send("{\"messageTypeId\": 2, \"action\": \"Heartbeat\"}");
            JsonNode notAnArray = socket.next();
            socket.send("this is no JSON at all");
            JsonNode notJson = socket.next();
            socket.send("[2, 42, \"Heartbeat\", {}]");
            JsonNode numericId = socket.next();

            for (JsonNode error : java.util.List.of(notAnArray, notJson, numericId)) {
                assertThat(error.size()).as(error.toString()).isEqualTo(5);
                assertThat(error.get(0).asInt()).isEqualTo(4);
                assertThat(error.get(1).asString()).isEqualTo("-1");
                assertThat(error.get(3).asString()).isNotBlank();
                assertThat(error.get(4).isObject()).isTrue();
            }
            assertThat(notAnArray.get(2).asString()).isEqualTo("ProtocolError");
            assertThat(notJson.get(2).asString()).isEqualTo("FormationViolation");
            assertThat(numericId.get(2).asString()).isEqualTo("ProtocolError");
            assertThat(socket.call("Heartbeat", "{}").get(0).asInt()).as("the next call is still answered").isEqualTo(3);
        }
    }

    @Test
    void anUnknownActionIsNotImplementedAndACentralSystemActionIsNotSupported() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-UNKNOWN");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            assertThat(socket.call("FlyToTheMoon", "{}").get(2).asString()).isEqualTo("NotImplemented");
            assertThat(socket.call("Reset", HARD_RESET).get(2).asString()).isEqualTo("NotSupported");
        }
    }

    @Test
    void schemaViolationsGetTheirCodes() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-SCHEMA");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            assertThat(socket.call("StatusNotification", "{\"connectorId\": 1, \"errorCode\": \"NoError\", \"status\": \"Sleeping\"}")
                    .get(2).asString()).isEqualTo("PropertyConstraintViolation");
            assertThat(socket.call("BootNotification", "{\"chargePointVendor\": \"ACME\"}").get(2).asString())
                    .isEqualTo("OccurenceConstraintViolation");
            assertThat(socket.call("StartTransaction", "{\"connectorId\": \"one\", \"idTag\": \"A\", \"meterStart\": 0, "
                    + "\"timestamp\": \"2026-11-25T10:00:00Z\"}").get(2).asString()).isEqualTo("TypeConstraintViolation");
            assertThat(socket.call("Heartbeat", "{\"extra\": true}").get(2).asString()).isEqualTo("FormationViolation");
            assertThat(socket.call("MeterValues", "{\"connectorId\": 1, \"meterValue\": [{\"timestamp\": \"2026-11-25T10:00:00Z\", "
                    + "\"sampledValue\": [{\"value\": \"plenty\"}]}]}").get(2).asString()).isEqualTo("PropertyConstraintViolation");
        }
        assertThat(events.of(charger.ref())).extracting(RecordingChargerEvents.Event::name)
                .doesNotContain("boot", "status", "start", "meterValues");
    }

    @Test
    void aTenMegabyteFrameClosesOnlyItsOwnSocketWith1009() {
        RegisteredCharger flooder = aCharger(aTenant(), "CP-BIG");
        RegisteredCharger bystander = aCharger(aTenant(), "CP-CALM");

        try (TestCharger calm = TestCharger.connected(connect(bystander)); TestCharger big = TestCharger.connected(connect(flooder))) {
            String payload = "{\"vendorId\": \"v\", \"data\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
            big.sendAsync("[2, \"big-1\", \"DataTransfer\", " + payload + "]");

            assertThat(big.awaitClose()).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
            assertThat(calm.call("Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
    }

    // ---- replacement

    @Test
    void aSecondConnectionReplacesTheFirstCleanly() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-TWICE");

        TestCharger first = TestCharger.connected(connect(charger));
        awaitEvent(charger, "connected");
        try (TestCharger second = TestCharger.connected(connect(charger))) {
            assertThat(first.awaitClose()).isEqualTo(CloseStatus.NORMAL.getCode());
            assertThat(second.call("Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
            pause(300);
            assertThat(names(charger)).as("the first socket's closing does not mark the charger offline")
                    .containsSubsequence("connected", "connected").doesNotContain("disconnected");

            JsonNode reset = commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET, json(HARD_RESET),
                    Duration.ofSeconds(5)).toCompletableFuture().handle((r, e) -> r).join();
            assertThat(reset).as("commands go to the new connection; nobody answers there").isNull();
        }
        awaitEvent(charger, "disconnected");
        assertThat(names(charger).stream().filter("disconnected"::equals)).hasSize(1);
    }

    // ---- commands to the charger

    @Test
    void TC_013_CSMS_hardResetReachesTheChargerAndReturnsItsAnswer() throws Exception {
        RegisteredCharger charger = aCharger(aTenant(), "CP-013");

        try (TestCharger socket = TestCharger.connected(connect(charger))
                .answering((action, payload) -> action.equals("Reset") && payload.get("type").asString().equals("Hard")
                        ? json("{\"status\": \"Accepted\"}") : json("{\"status\": \"Rejected\"}"))) {
            awaitEvent(charger, "connected");
            JsonNode answer = commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET, json(HARD_RESET),
                    Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(answer).isEqualTo(json("{\"status\": \"Accepted\"}"));
            assertThat(events.of(charger.ref())).filteredOn(e -> e.name().equals("frame")).extracting(e -> (String) e.detail())
                    .anyMatch(frame -> frame.startsWith("OUT Reset "))
                    .anyMatch(frame -> frame.startsWith("IN Reset "));
            assertThat(events.of(charger.ref())).extracting(RecordingChargerEvents.Event::scope)
                    .containsOnly(TenantScope.of(charger.ref().tenantId()));
        }
    }

    @Test
    void aCommandToAChargerConnectedNowhereFailsFastAsOffline() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-AWAY");

        long started = System.nanoTime();
        Throwable failure = failureOf(commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET,
                json(HARD_RESET), Duration.ofSeconds(30)).toCompletableFuture());

        assertThat(failure).isInstanceOf(ChargerCommandException.Offline.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        Throwable unknown = failureOf(commands.call(charger.ref().tenantId(), UUID.randomUUID(), Action16.RESET, json(HARD_RESET),
                Duration.ofSeconds(30)).toCompletableFuture());
        assertThat(unknown).isInstanceOf(ChargerCommandException.Offline.class);
    }

    @Test
    void aCommandNamingAnotherTenantsChargerFindsNoCharger() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-MINE");
        TestTenant intruder = aTenant();

        try (TestCharger socket = TestCharger.connected(connect(charger)).answering((action, payload) -> json("{\"status\": \"Accepted\"}"))) {
            awaitEvent(charger, "connected");
            Throwable failure = failureOf(commands.call(intruder.tenant().id(), charger.ref().chargePointId(), Action16.RESET,
                    json(HARD_RESET), Duration.ofSeconds(5)).toCompletableFuture());

            assertThat(failure).isInstanceOf(ChargerCommandException.Offline.class);
            assertThat(events.of(charger.ref())).filteredOn(e -> e.name().equals("frame")).extracting(e -> (String) e.detail())
                    .noneMatch(frame -> frame.contains("Reset"));
        }
    }

    @Test
    void aCommandTheChargerDoesNotAnswerTimesOut() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-SILENT");

        try (TestCharger socket = TestCharger.connected(connect(charger)).answering((action, payload) -> null)) {
            awaitEvent(charger, "connected");
            Throwable failure = failureOf(commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET,
                    json(HARD_RESET), Duration.ofMillis(500)).toCompletableFuture());

            assertThat(failure).isInstanceOf(ChargerCommandException.TimedOut.class);
        }
    }

    @Test
    void anInvalidCommandIsRefusedBeforeItIsSentAndACallErrorIsRejected() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-STRICT");

        try (TestCharger socket = TestCharger.connected(connect(charger))) {
            awaitEvent(charger, "connected");
            Throwable invalid = failureOf(commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET,
                    json("{\"type\": \"Gentle\"}"), Duration.ofSeconds(5)).toCompletableFuture());
            assertThat(invalid).isInstanceOf(ChargerCommandException.InvalidPayload.class).hasMessageContaining("PropertyConstraintViolation");
            Throwable wrongWay = failureOf(commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.HEARTBEAT,
                    json("{}"), Duration.ofSeconds(5)).toCompletableFuture());
            assertThat(wrongWay).isInstanceOf(ChargerCommandException.InvalidPayload.class);

            CompletableFuture<JsonNode> clearCache = commands.call(charger.ref().tenantId(), charger.ref().chargePointId(),
                    Action16.CLEAR_CACHE, json("{}"), Duration.ofSeconds(5)).toCompletableFuture();
            JsonNode call = socket.next();
            assertThat(call.get(2).asString()).isEqualTo("ClearCache");
            socket.send("[4, \"" + call.get(1).asString() + "\", \"NotSupported\", \"no cache here\", {}]");
            assertThat(failureOf(clearCache)).isInstanceOfSatisfying(ChargerCommandException.Rejected.class,
                    rejected -> assertThat(rejected.code()).isEqualTo(RpcErrorCode.NOT_SUPPORTED));
        }
    }

    private java.util.List<String> names(RegisteredCharger charger) {
        return events.of(charger.ref()).stream().map(RecordingChargerEvents.Event::name).filter(name -> !name.equals("frame")).toList();
    }

    private void awaitEvent(RegisteredCharger charger, String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (names(charger).contains(name)) {
                return;
            }
            pause(20);
        }
        throw new AssertionError("No " + name + " for " + charger.identity() + ": " + names(charger));
    }

    static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(15, TimeUnit.SECONDS);
            throw new AssertionError("Expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String text) {
        return TestCharger.JSON.readTree(text);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
