package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.charging.Measurand;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * What a MeterValues costs the database once its session is known: the same few statements at every reading, for an
 * accepted session and for one the platform refused alike (a charger may go on charging and reporting after an
 * Invalid answer). The cost is counted on the MeterValues writer's thread, in the message's propagated context
 * ({@link StatementCounter#onThisThread}); the writer stores a lone message by itself, so each reading is measured
 * alone. Before, every reading of a refused session selected its tariff again (six statements more), and a reading
 * of an accepted one could.
 */
class MeterValuesCostIT extends IntegrationTest {

    /** Look up the sessions, insert the samples, move the newest readings; a transaction's scope and a last-seen at most. */
    static final long CEILING = 6;

    @Autowired
    ChargerEvents chargerEvents;

    @Test
    void everyReadingCostsTheSameFewStatementsWhetherItsSessionWasAcceptedOrRefused() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true, "rules", List.of()));
        String location = mutate(admin, "tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation())).path("location").path("id")
                .asString();
        String chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "MV-COST",
                "vendor", "ACME", "model", "X1", "evses", List.of(AssetFixtures.anAcEvse("NL*MVC*E0001*1"), AssetFixtures.anAcEvse("NL*MVC*E0001*2"))))
                .path("chargePoint").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "AC057001", "type", "RFID"));
        ChargerRef charger = new ChargerRef(tenant.tenant().id(), GlobalId.decode(chargePoint).orElseThrow().id(), "MV-COST");
        Instant begin = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        ChargerEvents.Started accepted = inTenant(tenant, () -> chargerEvents.startTransaction(charger,
                new ChargerEvents.TransactionStart(1, "AC057001", 0, begin, null)));
        ChargerEvents.Started refused = inTenant(tenant, () -> chargerEvents.startTransaction(charger,
                new ChargerEvents.TransactionStart(2, "UNKNOWN01", 0, begin, null)));
        assertThat(accepted.idTagInfo().status()).isEqualTo(ChargerEvents.AuthorizationStatus.ACCEPTED);
        assertThat(refused.idTagInfo().status()).isEqualTo(ChargerEvents.AuthorizationStatus.INVALID);

        List<Long> acceptedCosts = readings(tenant, charger, 1, accepted.transactionId(), begin);
        List<Long> refusedCosts = readings(tenant, charger, 2, refused.transactionId(), begin);
        System.out.println("MeterValuesCostIT: statements per reading, accepted " + acceptedCosts + ", refused " + refusedCosts);

        // the first reading may write the charger's last-seen; every later one costs what the one before did
        assertThat(acceptedCosts).allSatisfy(cost -> assertThat(cost).isBetween(1L, CEILING));
        assertThat(refusedCosts).allSatisfy(cost -> assertThat(cost).isBetween(1L, CEILING));
        assertThat(acceptedCosts.subList(1, acceptedCosts.size())).as("accepted, after the first").containsOnly(acceptedCosts.get(1));
        assertThat(refusedCosts.subList(1, refusedCosts.size())).as("refused, after the first").containsOnly(acceptedCosts.get(1));
    }

    /** Six readings a minute apart, each measured on its own. */
    private List<Long> readings(TestTenant tenant, ChargerRef charger, int connector, int transactionId, Instant begin) {
        List<Long> costs = new ArrayList<>();
        for (int minute = 1; minute <= 6; minute++) {
            List<ChargerEvents.MeterSample> samples = List.of(new ChargerEvents.MeterSample(begin.plus(minute, ChronoUnit.MINUTES),
                    Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(minute * 200L), "Sample.Periodic", "Outlet"));
            costs.add(StatementCounter.onThisThread(() -> TenantContext.runAs(TenantScope.of(tenant.tenant().id()),
                    () -> chargerEvents.meterValues(charger, connector, transactionId, samples))).statements());
        }
        return costs;
    }

    private static <T> T inTenant(TestTenant tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), work);
    }
}
