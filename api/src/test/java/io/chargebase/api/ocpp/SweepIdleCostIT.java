package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

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

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aSweepWithAThousandIdleTenantsAsksOnceAndVisitsNone() {
        // "zz": the platform's tenant list is ordered by slug, so the idle tenants come after every other test's
        String prefix = "zzidle" + Long.toString(System.nanoTime(), 36);
        // as rows: what the sweep asks about is the same for a tenant with nothing in it, and making 1,000 fully would take minutes
        List<TenantId> idle = TenantContext.callAs(TenantScope.PLATFORM, () -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("""
                        insert into tenant (id, slug, name, currency, time_zone)
                        select gen_random_uuid(), ? || n, 'Idle ' || n, 'EUR', 'Europe/Amsterdam' from generate_series(1, ?) n
                        returning id""").params(prefix, IDLE_TENANTS).query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list()));
        Instant now = Instant.now();
        List<TenantId> due = sweeper.due(now);
        assertThat(due).doesNotContainAnyElementsOf(idle);

        StatementCounter.Cost cost = StatementCounter.onThisThread(sweeper::sweepAll);
        // what the sweep did before it asked: every tenant visited in its own scope, listed page by page
        StatementCounter.Cost visitingEach = StatementCounter.onThisThread(() -> idle.forEach(tenant -> sweeper.sweep(tenant, now)));
        System.out.printf("%nBENCHMARK charging sweep with %,d idle tenants (and %,d others with work due, left by other tests): "
                + "%,d statements, %,d transactions; visiting the idle tenants one by one instead: %,d statements, %,d transactions%n%n",
                IDLE_TENANTS, due.size(), cost.statements(), cost.transactions(), visitingEach.statements(), visitingEach.transactions());
        // the platform scope's settings and one question, then only the tenants with work, never the idle ones
        assertThat(cost.statements()).isLessThanOrEqualTo(2 + 40L * due.size());
        assertThat(cost.statements()).isLessThan(visitingEach.statements() / 10);
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
