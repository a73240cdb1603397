package io.chargebase.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;

/**
 * Numbers beyond what their columns hold are the caller's typed errors on their fields, checked before anything is
 * written; never an INTERNAL_ERROR from a numeric overflow in the database.
 */
class NumericRangeIT extends IntegrationTest {

    private record Priced(String admin, String evse) {
    }

    private Priced aTenantPricedAt(String pricePerKwh) {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        String evse = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1")))).path("chargePoint").path("evses").get(0).path("id").asString();
        JsonNode tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard",
                "pricing", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", pricePerKwh, "vatPercent", "21")));
        assertThat(tariff.path("userErrors")).as(tariff.toString()).isEmpty();
        JsonNode plan = mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan",
                "defaultTariffId", tariff.path("tariff").path("id").asString(), "activate", true));
        assertThat(plan.path("userErrors")).as(plan.toString()).isEmpty();
        return new Priced(admin, evse);
    }

    private JsonNode record(Priced tenant, String number, String energyKwh) {
        Map<String, Object> input = new HashMap<>();
        input.put("cdrNumber", number);
        input.put("evseId", tenant.evse());
        input.put("startAt", "2026-11-20T10:00:00Z");
        input.put("endAt", "2026-11-20T11:00:00Z");
        input.put("chargingPeriods", List.of(Map.of("startAt", "2026-11-20T10:00:00Z",
                "dimensions", List.of(Map.of("type", "ENERGY", "volume", energyKwh)))));
        return mutate(tenant.admin(), "tenant-portal/RecordCpoCdr", input);
    }

    private static JsonNode firstError(JsonNode payload) {
        assertThat(payload.path("userErrors").isEmpty()).as(payload.toString()).isFalse();
        return payload.path("userErrors").get(0);
    }

    private static List<String> field(JsonNode error) {
        return error.path("field").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void aPriceOf1e30IsRefusedOnItsFieldAndNoTariffIsCreated() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        for (Object price : List.of("1e30", 1e30, "1234567")) {
            JsonNode refused = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Expensive " + price,
                    "pricing", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", price)));
            JsonNode error = firstError(refused);
            assertThat(error.path("code").asString()).isEqualTo("OUT_OF_RANGE");
            assertThat(field(error)).containsExactly("input", "pricing", "pricePerKwh");
            assertThat(error.path("message").asString()).contains("below 1000000");
            assertThat(refused.path("tariff").isNull()).isTrue();
        }
        JsonNode levels = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Levels", "pricing", Map.of("kind", "POWER_LEVELS",
                "powerLevels", List.of(Map.of("maxAverageKw", "1e12", "pricePerMinute", "0.10")))));
        assertThat(firstError(levels).path("code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(graphQl().query(admin, "{ tariffs { name } }", Map.of()).data().path("tariffs").valueStream()
                .map(t -> t.path("name").asString())).noneMatch(name -> name.startsWith("Expensive") || name.equals("Levels"));
    }

    @Test
    void anEnergyVolumeOf1e20IsRefusedOnItsFieldAndNothingIsRecorded() {
        Priced tenant = aTenantPricedAt("0.30");
        JsonNode error = firstError(record(tenant, "HUGE-1", "1e20"));

        assertThat(error.path("code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(field(error)).containsExactly("input", "chargingPeriods", "0", "dimensions", "0", "volume");
        assertThat(record(tenant, "FINE-1", "18.5").path("userErrors")).isEmpty();
        assertThat(graphQl().document(tenant.admin(), "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs").path("totalCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void aSessionWhoseRatedCostWouldNotFitIsRefusedAsTheCallersError() {
        Priced tenant = aTenantPricedAt("999999");
        JsonNode error = firstError(record(tenant, "COSTLY-1", "999999"));

        assertThat(error.path("code").asString()).isEqualTo("OUT_OF_RANGE");
        assertThat(field(error)).containsExactly("input", "chargingPeriods");
        assertThat(error.path("message").asString()).contains("too large to record");
    }
}
