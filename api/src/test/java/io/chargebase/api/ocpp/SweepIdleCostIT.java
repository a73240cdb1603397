package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.tenancy.NewTenant;
import io.chargebase.tenancy.TenantId;

/**
 * The charging sweep finds its work with one question across tenants: idle tenants cost it nothing, and a tenant is
 * swept when a charger passes a threshold, a session is open or a rating was interrupted. Prints what a sweep costs
 * with 1,000 idle tenants.
 */
class SweepIdleCostIT extends IntegrationTest {

    private static final int IDLE_TENANTS = 1_000;
    private static final String CARD = "04A1B2C3D4E5F6";

    @Autowired
    ChargingSweeper sweeper;

    @Test
    void aSweepWithAThousandIdleTenantsAsksOnceAndVisitsNone() {
        List<TenantId> idle = new ArrayList<>();
        String prefix = "idle" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < IDLE_TENANTS; i++) {
            String slug = prefix + i;
            idle.add(tenants.create(new NewTenant(slug, "Idle " + i, "EUR", "Europe/Amsterdam")).id());
        }
        List<TenantId> due = sweeper.due(Instant.now());
        assertThat(due).doesNotContainAnyElementsOf(idle);

        StatementCounter.Cost cost = StatementCounter.onThisThread(sweeper::sweepAll);
        System.out.printf("%nBENCHMARK charging sweep with %,d idle tenants (%,d others with work due): %,d statements, %,d transactions%n%n",
                IDLE_TENANTS, due.size(), cost.statements(), cost.transactions());
        // one question, then only the tenants with work (left by other tests in this database), never the idle ones
        assertThat(cost.statements()).isLessThanOrEqualTo(1 + 40L * due.size());
        assertThat(cost.statements()).isLessThan(IDLE_TENANTS / 10);
    }

    @Test
    void aTenantIsDueWhenAChargerPassesAThresholdOrASessionIsOpen() {
        TestTenant tenant = aTenant();
        TenantId id = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        String secret = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "DUE-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargerSecret").asString();
        assertThat(sweeper.due(Instant.now())).as("nothing connected, nothing open").doesNotContain(id);

        try (TestCharger charger = TestCharger.connected(TestCharger.connect(port, tenant.tenant().slug(), "DUE-CP-1", "DUE-CP-1", secret,
                "ocpp1.6"))) {
            result(charger.call("BootNotification", "{\"chargePointVendor\": \"ACME\", \"chargePointModel\": \"X1\"}"));
            Instant seen = Instant.now();
            assertThat(sweeper.due(seen)).as("an online charger just heard from").doesNotContain(id);
            // the default thresholds: temporarily unavailable after 120 s, long-term after 300 s
            Instant silent = seen.plusSeconds(130);
            assertThat(sweeper.due(silent)).contains(id);
            assertThat(sweeper.sweep(id, silent).chargersMarked()).isEqualTo(1);
            assertThat(sweeper.due(silent)).as("temporarily unavailable, not yet long-term").doesNotContain(id);
            assertThat(sweeper.due(seen.plusSeconds(310))).contains(id);
            assertThat(sweeper.sweep(id, seen.plusSeconds(310)).chargersMarked()).isEqualTo(1);
            assertThat(sweeper.due(seen.plusSeconds(400))).as("long-term unavailable: nothing further").doesNotContain(id);

            JsonNode started = result(charger.call("StartTransaction", "{\"connectorId\": 1, \"idTag\": \"" + CARD
                    + "\", \"meterStart\": 1000, \"timestamp\": \"" + Instant.now() + "\"}"));
            int transaction = started.path("transactionId").asInt();
            assertThat(sweeper.due(Instant.now())).as("an active session (inactivity, time limits)").contains(id);
            result(charger.call("StopTransaction", "{\"transactionId\": " + transaction + ", \"meterStop\": 4000, \"timestamp\": \""
                    + Instant.now() + "\", \"reason\": \"EVDisconnected\"}"));
            assertThat(sweeper.due(Instant.now().plus(Duration.ofSeconds(1)))).as("finished and rated, the charger just heard from")
                    .doesNotContain(id);
        }
    }

    private static JsonNode result(JsonNode answer) {
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
        return answer.get(2);
    }
}
