package io.chargebase.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQlSocket;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.charging.LiveUpdate;

/** Subscriptions over graphql-transport-ws: signed in through connection_init, fed through PostgreSQL NOTIFY, one tenant at a time. */
class LiveIT extends IntegrationTest {

    @Autowired
    io.chargebase.api.live.LiveUpdates live;

    @Autowired
    ApplicationEventPublisher events;

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void portalsSeeTheirOwnChargePointsChangeAndNobodyElses() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        TestTenant other = aTenant();
        String chargePoint = registered(admin, "LIVE-1");
        String foreign = registered(tokenOf(other), "LIVE-2");
        UUID chargePointId = GlobalId.decode(chargePoint).orElseThrow().id();

        try (GraphQlSocket socket = GraphQlSocket.open(baseUrl(), admin)) {
            assertThat(socket.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            int listening = live.subscribers();
            socket.subscribe("tenant-portal/ChargePointStatus", Map.of());
            io.chargebase.api.support.Listening.awaitMoreThan(live, listening, WAIT);
            events.publishEvent(new LiveUpdate.ConnectorStatus(other.tenant().id(), GlobalId.decode(foreign).orElseThrow().id(), 1, "Faulted",
                    "GroundFailure", Instant.now()));
            events.publishEvent(new LiveUpdate.ConnectorStatus(tenant.tenant().id(), chargePointId, 1, "Charging", "NoError", Instant.now()));
            events.publishEvent(new LiveUpdate.Connection(tenant.tenant().id(), chargePointId, "TEMPORARILY_UNAVAILABLE", Instant.now()));
            JsonNode first = socket.next(WAIT);
            assertThat(first.path("type").asString()).as(first.toString()).isEqualTo("next");
            JsonNode status = first.path("payload").path("data").path("chargePointStatus");
            assertThat(status.path("status").asString()).as("the other tenant's fault never arrives").isEqualTo("Charging");
            assertThat(status.path("chargePoint").path("ocppIdentity").asString()).isEqualTo("LIVE-1");
            JsonNode second = socket.next(WAIT).path("payload").path("data").path("chargePointStatus");
            assertThat(second.path("connection").asString()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        }
    }

    @Test
    void anotherTenantsChargePointCannotBeWatched() {
        String foreign = registered(tokenOf(aTenant()), "LIVE-3");
        try (GraphQlSocket socket = GraphQlSocket.open(baseUrl(), tokenOf(aTenant()))) {
            assertThat(socket.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            socket.subscribe("tenant-portal/ChargePointStatus", Map.of("chargePointId", foreign));
            JsonNode refused = socket.next(WAIT);
            assertThat(refused.path("type").asString()).as(refused.toString()).isIn("error", "next");
            assertThat(refused.toString()).contains("No charge point");
        }
    }

    @Test
    void withoutAValidTokenNothingIsSubscribed() {
        try (GraphQlSocket anonymous = GraphQlSocket.open(baseUrl(), null)) {
            assertThat(anonymous.next(WAIT).path("type").asString()).isEqualTo("connection_ack");
            anonymous.subscribe("tenant-portal/ChargePointStatus", Map.of());
            JsonNode refused = anonymous.next(WAIT);
            assertThat(refused.toString()).contains("UNAUTHENTICATED");
        }
        try (GraphQlSocket forged = GraphQlSocket.open(baseUrl(), "not-a-token")) {
            JsonNode closed = forged.next(WAIT);
            assertThat(closed.path("type").asString()).as(closed.toString()).isEqualTo("closed");
        }
    }

    private String registered(String token, String identity) {
        return mutate(token, "tenant-portal/RegisterChargePoint", Map.of("locationId", mutate(token, "tenant-portal/CreateLocation",
                AssetFixtures.aLocation()).path("location").path("id").asString(), "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargePoint").path("id").asString();
    }

}
