package io.chargebase.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;
import static io.chargebase.api.support.AssetFixtures.aLocation;
import static io.chargebase.api.support.AssetFixtures.anAcEvse;

class AssetIT extends IntegrationTest {

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void aLocationWithAChargePointItsEvsesAndConnectors() {
        String admin = tokenOf(aTenant());
        JsonNode location = mutate(admin, "tenant-portal/CreateLocation", aLocation());
        assertThat(location.path("userErrors")).isEmpty();
        assertThat(location.path("location").path("address").path("country").asString()).isEqualTo("NL");
        String locationId = location.path("location").path("id").asString();

        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", locationId,
                "ocppIdentity", "CP-0001", "vendor", "Alfen", "model", "Eve Double", "evses",
                List.of(anAcEvse("nl*cbs*e0001*1"), anAcEvse("NL*CBS*E0001*2"))));
        assertThat(registered.path("userErrors")).isEmpty();
        assertThat(registered.path("chargerSecret").asString()).hasSizeGreaterThan(20);
        JsonNode chargePoint = registered.path("chargePoint");
        assertThat(chargePoint.path("hasSecret").asBoolean()).isTrue();
        assertThat(chargePoint.path("evses")).hasSize(2);
        assertThat(chargePoint.path("evses").get(1).path("ocppNumber").asInt()).isEqualTo(2);
        assertThat(chargePoint.path("evses").get(0).path("evseId").asString()).isEqualTo("NL*CBS*E0001*1");

        JsonNode listed = graphQl().document(admin, "tenant-portal/Locations", Map.of()).data().path("locations");
        assertThat(listed.path("totalCount").asInt()).isEqualTo(1);
        JsonNode tree = listed.path("edges").get(0).path("node").path("chargePoints").get(0);
        assertThat(tree.path("evses").get(0).path("connectors").get(0).path("standard").asString()).isEqualTo("IEC_62196_T2");

        JsonNode zone = mutate(admin, "tenant-portal/CreateChargingZone", Map.of("locationId", locationId, "name", "Deck 2"));
        String zoneId = zone.path("chargingZone").path("id").asString();
        assertThat(code(mutate(admin, "tenant-portal/CreateChargingZone", Map.of("locationId", locationId, "name", "deck 2")))).isEqualTo("DUPLICATE");
        JsonNode placed = mutate(admin, "tenant-portal/PlaceChargePoint", Map.of("chargePointId", chargePoint.path("id").asString(), "zoneId", zoneId));
        assertThat(placed.path("chargePoint").path("zone").path("name").asString()).isEqualTo("Deck 2");
        String elsewhere = mutate(admin, "tenant-portal/CreateLocation", aLocation()).path("location").path("id").asString();
        String otherZone = mutate(admin, "tenant-portal/CreateChargingZone", Map.of("locationId", elsewhere, "name", "Far"))
                .path("chargingZone").path("id").asString();
        assertThat(code(mutate(admin, "tenant-portal/PlaceChargePoint", Map.of("chargePointId", chargePoint.path("id").asString(),
                "zoneId", otherZone)))).isEqualTo("INVALID");

        String evse = chargePoint.path("evses").get(0).path("id").asString();
        JsonNode planned = mutate(admin, "tenant-portal/SetEvseStatus", Map.of("evseId", evse, "status", "PLANNED"));
        assertThat(planned.path("evse").path("status").asString()).isEqualTo("PLANNED");

        JsonNode disabled = mutate(admin, "tenant-portal/SetChargePointStatus", Map.of("chargePointId", chargePoint.path("id").asString(),
                "status", "OUT_OF_ORDER"));
        assertThat(disabled.path("chargePoint").path("status").asString()).isEqualTo("OUT_OF_ORDER");
        JsonNode renamed = mutate(admin, "tenant-portal/UpdateChargePoint", Map.of("chargePointId", chargePoint.path("id").asString(),
                "serialNumber", "SN-42", "vendor", ""));
        assertThat(renamed.path("userErrors")).isEmpty();
        JsonNode details = graphQl().document(admin, "tenant-portal/ChargePoints", Map.of()).data().path("chargePoints").path("edges").get(0).path("node");
        assertThat(details.path("serialNumber").asString()).isEqualTo("SN-42");
        assertThat(details.path("vendor").isNull()).isTrue();
        assertThat(details.path("model").asString()).isEqualTo("Eve Double");
        assertThat(code(mutate(admin, "tenant-portal/DeleteLocation", Map.of("locationId", locationId)))).isEqualTo("NOT_EMPTY");

        JsonNode deleted = mutate(admin, "tenant-portal/DeleteChargePoint", Map.of("chargePointId", chargePoint.path("id").asString()));
        assertThat(deleted.path("userErrors")).isEmpty();
        assertThat(graphQl().document(admin, "tenant-portal/ChargePoints", Map.of()).data().path("chargePoints").path("totalCount").asInt()).isZero();
        assertThat(mutate(admin, "tenant-portal/DeleteLocation", Map.of("locationId", locationId)).path("deletedLocationId").asString())
                .isEqualTo(locationId);
    }

    @Test
    void aTemplateFillsInTheEvsesOfEveryChargerOfItsModel() {
        String admin = tokenOf(aTenant());
        String location = mutate(admin, "tenant-portal/CreateLocation", aLocation()).path("location").path("id").asString();
        JsonNode template = mutate(admin, "tenant-portal/CreateChargePointTemplate", Map.of("name", "Alfen Eve Double", "vendor", "Alfen",
                "model", "Eve Double Pro", "evses", List.of(anAcEvse(null), anAcEvse(null))));
        assertThat(template.path("userErrors")).isEmpty();
        String templateId = template.path("chargePointTemplate").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "EVE-0001",
                "templateId", templateId));
        assertThat(registered.path("userErrors")).isEmpty();
        assertThat(registered.path("chargePoint").path("evses")).hasSize(2);
        assertThat(registered.path("chargePoint").path("evses").get(1).path("connectors").get(0).path("standard").asString())
                .isEqualTo("IEC_62196_T2");
        JsonNode listed = graphQl().document(admin, "tenant-portal/ChargePoints", Map.of("text", "EVE-0001")).data().path("chargePoints");
        assertThat(listed.path("edges").get(0).path("node").path("model").asString()).isEqualTo("Eve Double Pro");

        assertThat(code(mutate(admin, "tenant-portal/CreateChargePointTemplate", Map.of("name", "alfen eve double",
                "evses", List.of(anAcEvse(null)))))).isEqualTo("DUPLICATE");
        assertThat(code(mutate(admin, "tenant-portal/CreateChargePointTemplate", Map.of("name", "With ids",
                "evses", List.of(anAcEvse("NL*CBS*E1*1")))))).isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "EVE-0002",
                "templateId", io.chargebase.api.graphql.GlobalId.encode("ChargePointTemplate", java.util.UUID.randomUUID()))))).isEqualTo("NOT_FOUND");
    }

    @Test
    void badAssetInputIsATypedUserErrorNamingTheField() {
        String admin = tokenOf(aTenant());
        Map<String, Object> far = aLocation();
        far.put("latitude", 91.0);
        assertThat(mutate(admin, "tenant-portal/CreateLocation", far).path("userErrors").get(0).path("field").toString())
                .isEqualTo("[\"input\",\"latitude\"]");
        Map<String, Object> zone = aLocation();
        zone.put("timeZone", "Europe/Atlantis");
        assertThat(code(mutate(admin, "tenant-portal/CreateLocation", zone))).isEqualTo("INVALID_TIME_ZONE");
        Map<String, Object> country = aLocation();
        country.put("country", "XX");
        assertThat(code(mutate(admin, "tenant-portal/CreateLocation", country))).isEqualTo("INVALID");
        Map<String, Object> operator = aLocation();
        operator.put("operatorId", "CBS");
        assertThat(mutate(admin, "tenant-portal/CreateLocation", operator).path("userErrors").get(0).path("field").toString())
                .isEqualTo("[\"input\",\"operatorId\"]");

        String location = mutate(admin, "tenant-portal/CreateLocation", aLocation()).path("location").path("id").asString();
        mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1", "evses", List.of(anAcEvse(null))));
        assertThat(code(mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(anAcEvse(null)))))).isEqualTo("DUPLICATE");
        assertThat(code(mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP/2",
                "evses", List.of(anAcEvse(null)))))).isEqualTo("INVALID");
        Map<String, Object> dcMismatch = anAcEvse(null);
        dcMismatch.put("currentType", "DC");
        JsonNode mismatch = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-3",
                "evses", List.of(anAcEvse(null), dcMismatch)));
        assertThat(mismatch.path("userErrors").get(0).path("field").toString())
                .isEqualTo("[\"input\",\"evses\",\"1\",\"connectors\",\"0\",\"powerType\"]");
        assertThat(graphQl().document(admin, "tenant-portal/ChargePoints", Map.of()).data().path("chargePoints").path("totalCount").asInt())
                .as("nothing half-registered").isEqualTo(1);
    }
}
