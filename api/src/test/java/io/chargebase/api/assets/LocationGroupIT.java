package io.chargebase.api.assets;

import static io.chargebase.api.support.AssetFixtures.aLocation;
import static io.chargebase.api.support.AssetFixtures.anAcEvse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;

class LocationGroupIT extends IntegrationTest {

    private String admin;

    private String location(String name, String country) {
        Map<String, Object> location = aLocation();
        location.put("name", name);
        location.put("country", country);
        location.put("operatorId", country + "*CBS");
        return mutate(admin, "tenant-portal/CreateLocation", location).path("location").path("id").asString();
    }

    private void chargePoint(String location, String identity, Map<String, Object> evse) {
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(evse)));
        assertThat(registered.path("userErrors")).as(registered.toString()).isEmpty();
    }

    private static Map<String, Object> dcEvse(double kw) {
        Map<String, Object> evse = new HashMap<>();
        evse.put("currentType", "DC");
        evse.put("maxPowerKw", kw);
        evse.put("connectors", List.of(Map.of("standard", "IEC_62196_T2_COMBO", "format", "CABLE", "powerType", "DC",
                "maxVoltage", 920, "maxAmperage", 200)));
        return evse;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        graphQl().document(admin, "tenant-portal/LocationGroups", Map.of()).data().path("locationGroups")
                .forEach(group -> counts.put(group.path("name").asString(), group.path("connectorCount").asInt()));
        return counts;
    }

    private JsonNode create(Map<String, Object> input) {
        return mutate(admin, "tenant-portal/CreateLocationGroup", input);
    }

    @Test
    void connectorsJoinGroupsByCriteriaAndEveryOneIsInAtLeastOne() {
        admin = tokenOf(aTenant());
        assertThat(counts()).containsExactly(Map.entry("All other connectors", 0));
        String amsterdam = location("Amsterdam", "NL");
        String berlin = location("Berlin", "DE");
        chargePoint(amsterdam, "NL-AC", anAcEvse(null));
        chargePoint(berlin, "DE-DC", dcEvse(150));
        assertThat(counts()).containsEntry("All other connectors", 2);

        assertThat(create(Map.of("name", "Fast DC", "currentType", "DC", "minPowerKw", 50.0)).path("userErrors")).isEmpty();
        assertThat(create(Map.of("name", "Operated by CBS", "operatorIds", List.of("nl-cbs"))).path("locationGroup")
                .path("connectorCount").asInt()).isEqualTo(1);
        assertThat(create(Map.of("name", "Netherlands", "countries", List.of("nl"))).path("userErrors")).isEmpty();
        assertThat(counts()).containsEntry("Fast DC", 1).containsEntry("Netherlands", 1).containsEntry("Operated by CBS", 1)
                .containsEntry("All other connectors", 0);

        chargePoint(berlin, "DE-AC", anAcEvse(null));
        chargePoint(berlin, "DE-DC-2", dcEvse(300));
        assertThat(counts()).as("recomputed when assets change")
                .containsEntry("Fast DC", 2).containsEntry("All other connectors", 1);

        JsonNode moved = mutate(admin, "tenant-portal/UpdateLocation", Map.of("locationId", berlin, "country", "NL", "timeZone", "Europe/Amsterdam"));
        assertThat(moved.path("location").path("address").path("country").asString()).isEqualTo("NL");
        assertThat(counts()).as("a changed location moves its connectors between groups").containsEntry("Netherlands", 4);
        assertThat(mutate(admin, "tenant-portal/UpdateLocation", Map.of("locationId", berlin, "latitude", 123.0)).path("userErrors")
                .get(0).path("field").toString()).isEqualTo("[\"input\",\"latitude\"]");
        mutate(admin, "tenant-portal/UpdateLocation", Map.of("locationId", berlin, "country", "DE", "timeZone", "Europe/Berlin"));

        JsonNode connectors = graphQl().document(admin, "tenant-portal/ConnectorGroups", Map.of("locationId", amsterdam)).data()
                .path("chargePoints").path("edges").get(0).path("node").path("evses").get(0).path("connectors");
        String amsterdamConnector = connectors.get(0).path("id").asString();
        assertThat(connectors.get(0).path("locationGroups").get(0).path("name").asString()).isEqualTo("Netherlands");

        assertThat(create(Map.of("name", "Hand-picked", "connectorIds", List.of(amsterdamConnector))).path("locationGroup")
                .path("connectorCount").asInt()).isEqualTo(1);
        assertThat(create(Map.of("name", "Berlin site", "locationIds", List.of(berlin))).path("locationGroup")
                .path("connectorCount").asInt()).isEqualTo(3);

        String anyGroup = graphQl().document(admin, "tenant-portal/LocationGroups", Map.of()).data().path("locationGroups")
                .get(0).path("id").asString();
        assertThat(graphQl().document(admin, "tenant-portal/Node", Map.of("id", anyGroup)).data().path("node")
                .path("__typename").asString()).isEqualTo("LocationGroup");
    }

    @Test
    void badGroupsAreRefusedAndTheDefaultStays() {
        admin = tokenOf(aTenant());
        String amsterdam = location("Amsterdam", "NL");
        chargePoint(amsterdam, "NL-AC", anAcEvse(null));
        assertThat(code(create(Map.of("name", "Upside down", "minPowerKw", 50.0, "maxPowerKw", 11.0)))).isEqualTo("INVALID");
        assertThat(code(create(Map.of("name", "Nowhere", "countries", List.of("XX"))))).isEqualTo("INVALID");
        assertThat(code(create(Map.of("name", "Ghost", "locationIds",
                List.of(io.chargebase.api.graphql.GlobalId.encode("Location", java.util.UUID.randomUUID())))))).isEqualTo("NOT_FOUND");
        create(Map.of("name", "AC", "currentType", "AC"));
        assertThat(code(create(Map.of("name", "ac", "currentType", "AC")))).isEqualTo("DUPLICATE");

        JsonNode groups = graphQl().document(admin, "tenant-portal/LocationGroups", Map.of()).data().path("locationGroups");
        String defaultGroup = null;
        String acGroup = null;
        for (JsonNode group : groups) {
            if (group.path("isDefault").asBoolean()) {
                defaultGroup = group.path("id").asString();
            } else {
                acGroup = group.path("id").asString();
            }
        }
        assertThat(code(mutate(admin, "tenant-portal/DeleteLocationGroup", Map.of("locationGroupId", defaultGroup)))).isEqualTo("ROOT_IMMUTABLE");
        assertThat(mutate(admin, "tenant-portal/DeleteLocationGroup", Map.of("locationGroupId", acGroup)).path("deletedLocationGroupId")
                .asString()).isEqualTo(acGroup);
        assertThat(counts()).containsExactly(Map.entry("All other connectors", 1));
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }
}
