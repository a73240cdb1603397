package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.NodeClients;

/**
 * A charger that is not ours: ocpp-rpc (npm) in strict mode, which checks every answer of the platform against its
 * own copy of the OCPP 1.6 schemas, runs a whole session; the platform prices it from the charger's messages alone.
 */
class OcppRpcChargerIT extends IntegrationTest {

    @Test
    void aStrictThirdPartyChargerRunsASessionThatIsPricedFromItsMessages() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Rita Rpc",
                "email", "rita@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "04C0FFEE0001", "type", "RFID", "ownerProfileId", profile));
        // 1.00 per session, 0.30/kWh, 0.05/min, 21 % VAT
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "RPC-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0009*1"))));

        NodeClients.Run run = NodeClients.run("charger-session.mjs", List.of("ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug(),
                "RPC-CP-1", registered.path("chargerSecret").asString(), "04C0FFEE0001", "--kwh", "10", "--minutes", "60"), Map.of(), 60)
                .expectSuccess();

        JsonNode result = JsonMapper.builder().build().readTree(run.stdout());
        assertThat(result.path("calls").get(0).path("answer").path("status").asString()).isEqualTo("Accepted");
        assertThat(result.path("calls").get(2).path("answer").path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        assertThat(result.path("transactionId").asInt()).isPositive();
        // 1.00 + 10 kWh × 0.30 + 60 min × 0.05 = 7.00 excl. VAT, 8.47 incl.
        JsonNode cdr = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of()).data().path("mspCdrs").path("edges").get(0).path("node");
        assertThat(cdr.path("totalCost").path("exclVat").asString()).isEqualTo("7.0000");
        assertThat(cdr.path("totalCost").path("inclVat").asString()).isEqualTo("8.4700");
        assertThat(cdr.path("profile").path("id").asString()).isEqualTo(profile);
    }
}
