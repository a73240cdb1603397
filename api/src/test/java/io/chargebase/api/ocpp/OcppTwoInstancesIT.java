package io.chargebase.api.ocpp;

import static io.chargebase.api.ocpp.OcppTransportIT.failureOf;
import static io.chargebase.api.ocpp.OcppTransportIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.socket.CloseStatus;

import io.chargebase.api.ChargebaseApplication;
import io.chargebase.api.support.TestDatabase;
import io.chargebase.ocpp.v16.Action16;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the application against one database, as replicas run: a charger's socket lives on one, commands
 * come from either, and the registry and LISTEN/NOTIFY carry them across.
 */
class OcppTwoInstancesIT extends OcppIntegrationTest {

    private static ConfigurableApplicationContext other;
    private static int otherPort;

    @BeforeEach
    void startTheOtherInstance() {
        if (other == null) {
            TestDatabase.Target database = TestDatabase.get();
            other = new SpringApplicationBuilder(ChargebaseApplication.class, RecordingChargerEvents.Config.class)
                    .properties(Map.of("server.port", "0", "spring.datasource.url", database.url(),
                            "spring.datasource.username", database.username(), "spring.datasource.password", database.password()))
                    // as an argument: a default property loses to application.yml's 8080, which may be taken
                    .run("--server.port=0", "--management.server.port=0");
            otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
        }
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    @Test
    void TC_014_CSMS_aSoftResetIssuedOnOneInstanceReachesAChargerConnectedToTheOther() throws Exception {
        RegisteredCharger charger = aCharger(aTenant(), "CP-FAR");

        try (TestCharger socket = TestCharger.connected(connect(otherPort, charger))
                .answering((action, payload) -> json("{\"status\": \"" + (payload.path("type").asString().equals("Soft") ? "Accepted" : "Rejected") + "\"}"))) {
            awaitConnectedThere(charger);
            JsonNode answer = commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET,
                    json("{\"type\": \"Soft\"}"), Duration.ofSeconds(5)).toCompletableFuture().get(15, TimeUnit.SECONDS);

            assertThat(answer).isEqualTo(json("{\"status\": \"Accepted\"}"));
        }
    }

    @Test
    void aCommandAndAnAnswerTooLongForNotifyTravelThroughTheRelayTable() throws Exception {
        RegisteredCharger charger = aCharger(aTenant(), "CP-LONG");
        String data = "d".repeat(20_000);

        try (TestCharger socket = TestCharger.connected(connect(otherPort, charger))
                .answering((action, payload) -> json("{\"status\": \"Accepted\", \"data\": \"" + payload.path("data").asString() + "!\"}"))) {
            awaitConnectedThere(charger);
            JsonNode answer = commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.DATA_TRANSFER,
                    json("{\"vendorId\": \"com.acme\", \"data\": \"" + data + "\"}"), Duration.ofSeconds(5)).toCompletableFuture()
                    .get(15, TimeUnit.SECONDS);

            assertThat(answer.path("data").asString()).isEqualTo(data + "!");
        }
    }

    @Test
    void aChargerTheOtherInstanceDoesNotAnswerForTimesOutThere() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-MUTE");

        try (TestCharger socket = TestCharger.connected(connect(otherPort, charger)).answering((action, payload) -> null)) {
            awaitConnectedThere(charger);
            Throwable failure = failureOf(commands.call(charger.ref().tenantId(), charger.ref().chargePointId(), Action16.RESET,
                    json("{\"type\": \"Soft\"}"), Duration.ofMillis(500)).toCompletableFuture());

            assertThat(failure).isInstanceOf(ChargerCommandException.TimedOut.class);
        }
    }

    @Test
    void aChargerReconnectingToTheOtherInstanceReplacesItsConnectionHere() {
        RegisteredCharger charger = aCharger(aTenant(), "CP-MOVER");

        TestCharger here = TestCharger.connected(connect(port, charger));
        awaitConnectedHere(charger);
        try (TestCharger there = TestCharger.connected(connect(otherPort, charger))) {
            assertThat(here.awaitClose()).isEqualTo(CloseStatus.NORMAL.getCode());
            OcppTransportIT.pause(300);
            assertThat(events.of(charger.ref())).extracting(RecordingChargerEvents.Event::name)
                    .as("the replaced connection's closing does not mark the charger offline").doesNotContain("disconnected");
            assertThat(there.call("Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
    }

    @Test
    void aRegistryEntryOfACrashedInstanceMakesNobodyWait() throws Exception {
        RegisteredCharger stale = aCharger(aTenant(), "CP-STALE");
        RegisteredCharger recent = aCharger(aTenant(), "CP-RECENT");
        UUID deadLongAgo = UUID.randomUUID();
        UUID justCrashed = UUID.randomUUID();
        TestDatabase.Target database = TestDatabase.get();
        try (Connection owner = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            instance(owner, deadLongAgo, "now() - interval '10 minutes'");
            instance(owner, justCrashed, "now()");
            register(owner, stale, deadLongAgo);
            register(owner, recent, justCrashed);
        }

        long started = System.nanoTime();
        assertThat(failureOf(commands.call(stale.ref().tenantId(), stale.ref().chargePointId(), Action16.RESET, json("{\"type\": \"Soft\"}"),
                Duration.ofSeconds(30)).toCompletableFuture())).isInstanceOf(ChargerCommandException.Offline.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failureOf(commands.call(recent.ref().tenantId(), recent.ref().chargePointId(), Action16.RESET, json("{\"type\": \"Soft\"}"),
                Duration.ofMillis(500)).toCompletableFuture())).isInstanceOf(ChargerCommandException.TimedOut.class);
    }

    private static void instance(Connection owner, UUID id, String seenAt) throws Exception {
        owner.createStatement().execute("insert into ocpp_instance (id, seen_at) values ('" + id + "', " + seenAt + ")");
    }

    private static void register(Connection owner, RegisteredCharger charger, UUID instance) throws Exception {
        try (PreparedStatement insert = owner.prepareStatement(
                "insert into ocpp_connection (tenant_id, charge_point_id, connection_id, instance_id) values (?, ?, ?, ?)")) {
            insert.setObject(1, charger.ref().tenantId().value());
            insert.setObject(2, charger.ref().chargePointId());
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, instance);
            insert.execute();
        }
    }

    private void awaitConnectedThere(RegisteredCharger charger) {
        RecordingChargerEvents there = other.getBean(RecordingChargerEvents.class);
        awaitConnected(there, charger);
    }

    private void awaitConnectedHere(RegisteredCharger charger) {
        awaitConnected(events, charger);
    }

    private static void awaitConnected(RecordingChargerEvents events, RegisteredCharger charger) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (events.of(charger.ref()).stream().anyMatch(event -> event.name().equals("connected"))) {
                return;
            }
            OcppTransportIT.pause(20);
        }
        throw new AssertionError("Charger " + charger.identity() + " did not connect");
    }
}
