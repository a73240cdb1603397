package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.ocpp.simulator.LoadHarness;

/**
 * The OCPP load harness, small, against this server over real sockets: every MeterValues it had answered is read back
 * from the database through GraphQL, as its run reports at the end ({@code nothing acknowledged was lost}).
 */
class LoadHarnessIT extends IntegrationTest {

    @Test
    void everyAnsweredMeterValuesIsStored() throws Exception {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        // the chargers' EVSEs are priced, as a tenant's network is (the live view prices every session as it runs)
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true, "rules", java.util.List.of()));
        LoadHarness.Stored stored = LoadHarness.measure(Map.of("http", baseUrl(), "tenant", tenant.tenant().slug(),
                "client", tenant.clientId(), "secret", tenant.secret(), "chargers", "5", "meter-values-per-second", "25",
                "seconds", "4", "heartbeat-seconds", "2", "probes-per-second", "2"));
        assertThat(stored.answered()).as("MeterValues answered").isGreaterThanOrEqualTo(90);
        assertThat(stored.unread()).as("sessions not read back").isZero();
        assertThat(stored.found()).as("answered and stored").isEqualTo(stored.answered());
        assertThat(stored.complete()).isTrue();
        assertThat(stored.refused()).as("starts not Accepted (the figures would measure refused sessions)").isZero();
    }
}
