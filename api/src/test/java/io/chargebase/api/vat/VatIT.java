package io.chargebase.api.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;

/**
 * The VAT table and settings over GraphQL as a tenant admin works with them, and tariff prices entered including VAT
 * compiled into OCPI prices excluding it while tariffs entered before keep their prices.
 */
class VatIT extends IntegrationTest {

    private String admin;

    @BeforeEach
    void anAdmin() {
        admin = tokenOf(aTenant());
    }

    @Test
    void ratesWithValidityDatesNeverOverlapWithinANameAndStayBetweenZeroAndAHundred() {
        String until2027 = rate("Standard", "21", "2020-01-01", "2027-01-01").path("vatRate").path("vatRateId").asString();
        assertThat(rate("Standard", "22", "2027-01-01", null).path("userErrors")).isEmpty();
        assertThat(rate("Reduced", "9", "2020-01-01", null).path("userErrors")).as("another name may run alongside").isEmpty();

        JsonNode overlapping = rate("standard", "20", "2026-06-01", "2026-07-01");
        assertThat(code(overlapping)).isEqualTo("DUPLICATE");
        assertThat(overlapping.path("userErrors").get(0).path("message").asString()).contains("21", "2020-01-01", "2027-01-01");
        assertThat(code(rate("Zero", "100.0001", "2020-01-01", null))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(rate("Zero", "-1", "2020-01-01", null))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(rate("Zero", "5", "2020-02-30", null))).isEqualTo("INVALID");
        assertThat(code(rate("Zero", "5", "2020-01-01", "2020-01-01"))).isEqualTo("OUT_OF_ORDER");
        // moving the 2027 boundary into the next rate's period overlaps it
        assertThat(code(mutate(admin, "tenant-portal/UpdateVatRate", Map.of("vatRateId", until2027,
                "rate", Map.of("name", "Standard", "percent", "21", "validFrom", "2020-01-01", "validUntil", "2027-06-01"))))).isEqualTo("DUPLICATE");

        JsonNode table = graphQl().document(admin, "tenant-portal/VatRates", Map.of()).data();
        assertThat(table.path("vatRates")).extracting(rate -> rate.path("name").asString() + " " + rate.path("percent").asString()
                        + " " + rate.path("validFrom").asString() + ".." + rate.path("validUntil").asString(""))
                .containsExactly("Reduced 9 2020-01-01..", "Standard 21 2020-01-01..2027-01-01", "Standard 22 2027-01-01..");
        assertThat(table.path("vatSettings").path("pricesIncludeVat").asBoolean()).isFalse();

        assertThat(code(settings("Unknown", true))).isEqualTo("NOT_FOUND");
        assertThat(settings("standard", true).path("vatSettings").path("baseVatName").asString()).isEqualTo("Standard");
        JsonNode deleted = mutate(admin, "tenant-portal/DeleteVatRate", Map.of("vatRateId", until2027));
        assertThat(deleted.path("deletedVatRateId").asString()).as("the base VAT keeps its 2027 rate").isEqualTo(until2027);
    }

    @Test
    void pricesEnteredIncludingVatCompileIntoPricesExcludingItAtTheBaseVatInForceToday() {
        String before = tariff("Entered without VAT", Map.of("kind", "DURATION_ENERGY", "vatPercent", "21", "pricePerKwh", "0.35"));
        rate("Standard", "21", "2020-01-01", null);
        assertThat(settings("Standard", true).path("userErrors")).isEmpty();

        JsonNode including = tariffNamed(tariff("Entered with VAT", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.35", "connectionFee", "1.00")));
        JsonNode version = including.path("currentVersion");
        assertThat(version.path("pricesIncludeVat").asBoolean()).isTrue();
        assertThat(version.path("pricing").path("pricePerKwh").asString()).as("shown as entered").isEqualTo("0.35");
        assertThat(version.path("elements").findValues("components").stream().flatMap(c -> java.util.stream.StreamSupport.stream(c.spliterator(), false))
                .map(c -> c.path("dimension").asString() + " " + c.path("price").asString() + " " + c.path("vatPercent").asString()).toList())
                .containsExactlyInAnyOrder("FLAT 0.82644629 21", "ENERGY 0.2892562 21");

        JsonNode unchanged = tariffNamed(before).path("currentVersion");
        assertThat(unchanged.path("pricesIncludeVat").asBoolean()).isFalse();
        assertThat(unchanged.path("elements").findValues("price").stream().map(JsonNode::asString).toList()).containsExactly("0.35");
        // a change of texts only re-reads the prices as they were entered: excluding VAT
        JsonNode updated = mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", before, "description", "Now described"));
        assertThat(updated.path("userErrors")).as(updated.toString()).isEmpty();
        assertThat(updated.path("tariff").path("currentVersion").path("pricesIncludeVat").asBoolean()).isFalse();
        assertThat(updated.path("tariff").path("currentVersion").path("elements").findValues("price").stream().map(JsonNode::asString).toList())
                .containsExactly("0.35");
    }

    private JsonNode rate(String name, String percent, String from, String until) {
        Map<String, Object> rate = new HashMap<>(Map.of("name", name, "percent", percent, "validFrom", from));
        if (until != null) {
            rate.put("validUntil", until);
        }
        return mutate(admin, "tenant-portal/CreateVatRate", Map.of("rate", rate));
    }

    private JsonNode settings(String base, boolean inclVat) {
        return mutate(admin, "tenant-portal/UpdateVatSettings", Map.of("baseVatName", base, "pricesIncludeVat", inclVat));
    }

    private String tariff(String name, Map<String, Object> pricing) {
        JsonNode created = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", name, "pricing", pricing));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("tariff").path("id").asString();
    }

    private JsonNode tariffNamed(String id) {
        for (JsonNode tariff : graphQl().document(admin, "tenant-portal/Tariffs", Map.of()).data().path("tariffs")) {
            if (tariff.path("id").asString().equals(id)) {
                return tariff;
            }
        }
        throw new AssertionError("No tariff " + id);
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }
}
