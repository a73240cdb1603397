package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.Eventually;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerTransaction;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * The manual's "Finish after inactivity" over a real socket, in two stages: a session its charger goes silent about is
 * first marked suspected stale (30 min) and stays active, then, after the tenant's finish timeout (the manual's 120 min
 * by default), is finished from its last reading and rated; the charger's StopTransaction that still comes corrects it,
 * and its CDR gets a second MSP version that supersedes the first, so that one price stands for the session; the
 * ledger gets the difference to what the first version charged, once, never the session a second time.
 */
class InactivityFinishIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04A1B2C3D4E5F6";

    @Autowired
    ChargingSweeper sweeper;

    @Autowired
    Ledger ledger;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @Test
    void aSilentSessionIsMarkedThenFinishedFromItsLastReadingAndALateStopCorrectsItWithANewMspVersion() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        assertThat(graphQl().document(admin, "tenant-portal/ChargingSettings", Map.of()).data().path("chargingSettings")
                .path("finishAfterInactivitySeconds").asInt()).as("the manual's 120 minutes").isEqualTo(7200);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        // 1.00 per session, 0.30/kWh, 0.05/min, 21 % VAT
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "SILENT-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(null))));

        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "SILENT-CP-1", registered.path("chargerSecret").asString()).join()) {
            call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
            Instant start = Instant.now().minus(Duration.ofMinutes(60)).truncatedTo(ChronoUnit.SECONDS);
            int transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD)
                    .put("meterStart", 0).put("timestamp", start.toString())).path("transactionId").asInt();
            call(charger, "MeterValues", Simulate.meterValues(1, transaction, start.plus(Duration.ofMinutes(30)), new BigDecimal("5000"),
                    new BigDecimal("10000"), 40));
            Instant now = Instant.now();

            ChargingSweeper.Swept marked = sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(31)));
            assertThat(marked.sessionsMarkedInactive()).isEqualTo(1);
            assertThat(marked.sessionsFinishedInactive()).isZero();
            assertThat(session(admin).path("status").asString()).as("first stage: only suspected stale").isEqualTo("ACTIVE");
            assertThat(sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(119))).sessionsFinishedInactive()).isZero();

            assertThat(sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(121))).sessionsFinishedInactive()).isEqualTo(1);
            JsonNode finished = session(admin);
            assertThat(finished.path("status").asString()).isEqualTo("FINISHED");
            assertThat(finished.path("meterStopWh").asDouble()).as("its last reading").isEqualTo(5000);
            assertThat(finished.path("stoppedAt").asString()).isEqualTo(start.plus(Duration.ofMinutes(30)).toString());
            assertThat(finished.path("stopReason").asString()).isEqualTo("FinishedAfterInactivity");
            assertThat(finished.path("inactivity").path("finishedAt").isNull()).isFalse();
            assertThat(finished.path("inactivity").path("correctedAt").isNull()).isTrue();
            assertThat(finished.path("inactivity").path("reason").asString()).contains("120 min", "finished from its last reading");
            // 1.00 + 5 kWh × 0.30 + 30 min × 0.05 = 4.00 excl. VAT
            assertThat(finished.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("4.0000");
            assertThat(sweeper.sweep(tenant.tenant().id(), now.plus(Duration.ofMinutes(150))).sessionsFinishedInactive()).as("once").isZero();

            // the charger was only offline: its queued StopTransaction comes after all
            JsonNode stopped = call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("idTag", CARD)
                    .put("meterStop", 8000).put("timestamp", start.plus(Duration.ofMinutes(50)).toString()).put("reason", "EVDisconnected"));
            assertThat(stopped.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
            JsonNode corrected = session(admin);
            assertThat(corrected.path("meterStopWh").asDouble()).isEqualTo(8000);
            assertThat(corrected.path("stoppedAt").asString()).isEqualTo(start.plus(Duration.ofMinutes(50)).toString());
            assertThat(corrected.path("stopReason").asString()).isEqualTo("EVDisconnected");
            assertThat(corrected.path("inactivity").path("correctedAt").isNull()).isFalse();
            // 1.00 + 8 kWh × 0.30 + 50 min × 0.05 = 5.90 excl. VAT, 7.139 incl.
            assertThat(corrected.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("5.9000");

            JsonNode current = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of()).data().path("mspCdrs");
            assertThat(current.path("totalCount").asInt()).as("one price stands for the session").isEqualTo(1);
            assertThat(current.path("edges").get(0).path("node").path("version").asInt()).isEqualTo(2);
            assertThat(current.path("edges").get(0).path("node").path("endAt").asString()).isEqualTo(start.plus(Duration.ofMinutes(50)).toString());
            JsonNode all = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("filter", Map.of("includeSuperseded", true))).data()
                    .path("mspCdrs");
            assertThat(all.path("totalCount").asInt()).isEqualTo(2);
            assertThat(all.path("edges")).extracting(edge -> edge.path("node").path("version").asInt() + " "
                    + edge.path("node").path("totalCost").path("exclVat").asString() + " " + !edge.path("node").path("supersededAt").isNull())
                    .containsExactlyInAnyOrder("1 4.0000 true", "2 5.9000 false");
            JsonNode cpo = graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs");
            assertThat(cpo.path("totalCount").asInt()).as("the same CPO CDR, corrected").isEqualTo(1);

            // the ledger: 4.84 charged for the first version, 2.30 more for the second (7.14 in all), the session once
            java.util.UUID sessionId = GlobalId.decode(corrected.path("id").asString()).orElseThrow().id();
            java.util.UUID profileId = GlobalId.decode(profile).orElseThrow().id();
            List<LedgerTransaction> postings = Eventually.value(() -> TenantContext.callAs(TenantScope.of(tenant.tenant().id()),
                    () -> ledger.ofSession(sessionId)), found -> found.size() == 2);
            assertThat(postings).extracting(LedgerTransaction::kind)
                    .containsExactlyInAnyOrder(LedgerTransactionKind.SESSION, LedgerTransactionKind.SESSION_CORRECTION);
            assertThat(TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> ledger.outstanding(profileId, java.util.Currency
                    .getInstance("EUR"))).rounded()).isEqualTo(Money.of("7.14", "EUR"));

            // a replay of the stop changes nothing more
            call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("idTag", CARD)
                    .put("meterStop", 8000).put("timestamp", start.plus(Duration.ofMinutes(50)).toString()).put("reason", "EVDisconnected"));
            assertThat(graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("filter", Map.of("includeSuperseded", true))).data()
                    .path("mspCdrs").path("totalCount").asInt()).isEqualTo(2);
            assertThat(TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> ledger.ofSession(sessionId))).hasSize(2);
        }
    }

    private JsonNode session(String admin) {
        return graphQl().document(admin, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions").path("edges").get(0)
                .path("node");
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }
}
