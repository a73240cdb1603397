package io.chargebase.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;

/** Tariffs, versions, tariff groups, tariff plans, and the answer to "which tariff applies, and why". */
class TariffIT extends IntegrationTest {

    private String admin;
    private String root;
    private String evse;
    private String location;

    @BeforeEach
    void tenantWithACharger() {
        admin = tokenOf(aTenant());
        root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargePoint");
        evse = chargePoint.path("evses").get(0).path("id").asString();
    }

    static Map<String, Object> pricing(String kind, Object... fields) {
        Map<String, Object> pricing = new HashMap<>();
        pricing.put("kind", kind);
        for (int i = 0; i < fields.length; i += 2) {
            pricing.put((String) fields[i], fields[i + 1]);
        }
        return pricing;
    }

    String tariff(String name, Map<String, Object> pricing, Map<String, Object> audience) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("pricing", pricing);
        if (audience != null) {
            input.put("audience", audience);
        }
        JsonNode created = mutate(admin, "tenant-portal/CreateTariff", input);
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("tariff").path("id").asString();
    }

    private String unit(String name) {
        return mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", name)).path("organisationUnit").path("id").asString();
    }

    private String profile(String unit, String email) {
        return mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", email, "email", email))
                .path("profile").path("id").asString();
    }

    private JsonNode applicable(String customer, String profile) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("evseId", evse);
        variables.put("customer", customer);
        variables.put("profileId", profile);
        var response = graphQl().document(admin, "tenant-portal/ApplicableTariff", variables);
        assertThat(response.errors().isMissingNode()).as(response.raw()).isTrue();
        return response.data().path("applicableTariff");
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void aChangeOfPricesWritesTheNextVersionAndKeepsTheOldOne() {
        String id = tariff("Standard AC", pricing("DURATION_ENERGY", "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05",
                "vatPercent", "21"), null);
        JsonNode updated = mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", id,
                "pricing", pricing("DURATION_ENERGY", "pricePerKwh", "0.35", "vatPercent", "21"), "description", "Public AC charging"));
        assertThat(updated.path("userErrors")).as(updated.toString()).isEmpty();
        JsonNode tariff = updated.path("tariff");
        assertThat(tariff.path("currentVersion").path("version").asInt()).isEqualTo(2);
        assertThat(tariff.path("currentVersion").path("description").asString()).isEqualTo("Public AC charging");
        assertThat(tariff.path("currentVersion").path("text").asString()).isEqualTo("0.4235 EUR/kWh");
        assertThat(tariff.path("versions")).hasSize(2);
        assertThat(tariff.path("versions").get(0).path("text").asString())
                .isEqualTo("1.21 EUR per session; 0.363 EUR/kWh; 0.0605 EUR/min charging");
        JsonNode renamed = mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", id, "name", "Standard AC (public)"));
        assertThat(renamed.path("tariff").path("currentVersion").path("version").asInt()).as("a new name is not a new price").isEqualTo(2);
    }

    @Test
    void badPricesAreRefusedAndNothingIsWritten() {
        assertThat(code(mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Negative",
                "pricing", pricing("DURATION_ENERGY", "pricePerKwh", "-0.10"))))).isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Flat without price", "pricing", pricing("FLAT")))))
                .isEqualTo("REQUIRED");
        assertThat(code(mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Dollars", "currency", "XYZ",
                "pricing", pricing("FREE"))))).isEqualTo("INVALID_CURRENCY");
        assertThat(code(mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Empty OCPI", "pricing", pricing("OCPI", "ocpiJson",
                "{\"currency\":\"EUR\",\"elements\":[]}"))))).isIn("REQUIRED", "INVALID");
        assertThat(code(mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Night", "pricing", pricing("TIME_OF_DAY",
                "dayStartsAt", "7 o'clock", "nightStartsAt", "22:00"))))).isEqualTo("INVALID");
        assertThat(graphQl().document(admin, "tenant-portal/Tariffs", Map.of()).data().path("tariffs")).isEmpty();
    }

    @Test
    void anOcpiTariffIsTakenAsItIs() {
        String json = """
                {"id": "12", "currency": "EUR", "elements": [{"price_components": [{"type": "TIME", "price": 2.00, "vat": 10.0, "step_size": 300}]}]}""";
        String id = tariff("Roaming partner", pricing("OCPI", "ocpiJson", json), null);
        JsonNode version = graphQl().document(admin, "tenant-portal/Tariffs", Map.of()).data().path("tariffs").get(0).path("currentVersion");
        assertThat(version.path("elements").get(0).path("components").get(0).path("stepSize").asInt()).isEqualTo(300);
        assertThat(version.path("text").asString()).isEqualTo("0.0367 EUR/min charging");
        assertThat(id).isNotBlank();
    }

    @Test
    void theLastMatchingTariffOfTheEvsesGroupApplies() {
        String staffUnit = unit("Staff");
        String partnerUnit = unit("Partner Co");
        String staffer = profile(staffUnit, "staff@example.com");
        String partner = profile(partnerUnit, "partner@example.com");
        String stranger = profile(root, "stranger@example.com");
        String partners = mutate(admin, "tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "Partners",
                "organisationUnitIds", List.of(partnerUnit))).path("businessPartnerGroup").path("id").asString();
        String staff = mutate(admin, "tenant-portal/CreateUserGroup", Map.of("name", "Staff", "profileIds", List.of(staffer)))
                .path("userGroup").path("id").asString();

        JsonNode group = mutate(admin, "tenant-portal/CreateTariffGroup", Map.of("name", "AC chargers")).path("tariffGroup");
        String groupId = group.path("id").asString();
        String base = group.path("baseTariff").path("id").asString();
        assertThat(group.path("tariffs").get(0).path("kind").asString()).isEqualTo("FREE");
        String corporate = tariff("Corporate", pricing("DURATION_ENERGY", "pricePerKwh", "0.20"),
                Map.of("businessPartnerGroupIds", List.of(partners)));
        String free = tariff("Staff free", pricing("FREE"), Map.of("userGroupIds", List.of(staff)));
        String adHoc = tariff("Ad hoc", pricing("FLAT", "pricePerSession", "5.00"), Map.of("adHocUsers", true, "roamingUsers", true));
        for (String tariff : List.of(corporate, free, adHoc)) {
            assertThat(mutate(admin, "tenant-portal/AttachTariff", Map.of("tariffGroupId", groupId, "tariffId", tariff)).path("userErrors")).isEmpty();
        }
        mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", base, "pricing", pricing("DURATION_ENERGY", "pricePerKwh", "0.40")));
        assertThat(mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", evse, "tariffGroupId", groupId))
                .path("evse").path("tariffGroup").path("id").asString()).isEqualTo(groupId);

        assertThat(applicable("PROFILE", staffer).path("tariff").path("id").asString()).isEqualTo(free);
        JsonNode forPartner = applicable("PROFILE", partner);
        assertThat(forPartner.path("tariff").path("id").asString()).isEqualTo(corporate);
        assertThat(forPartner.path("source").asString()).isEqualTo("TARIFF_GROUP");
        assertThat(forPartner.path("reason").asString()).contains("AC chargers", "position 2 of 4", "business-partner group \"Partners\"");
        JsonNode forStranger = applicable("PROFILE", stranger);
        assertThat(forStranger.path("tariff").path("id").asString()).isEqualTo(base);
        assertThat(forStranger.path("version").path("version").asInt()).isEqualTo(2);
        assertThat(forStranger.path("reason").asString()).contains("base tariff");
        assertThat(applicable("AD_HOC", null).path("tariff").path("id").asString()).isEqualTo(adHoc);
        assertThat(applicable("ROAMING", null).path("tariff").path("id").asString()).isEqualTo(adHoc);

        // a staffer who is also a partner: the tariff lowest in the list wins, and the order can change
        mutate(admin, "tenant-portal/UpdateProfile", Map.of("profileId", staffer, "organisationUnitId", partnerUnit));
        assertThat(applicable("PROFILE", staffer).path("tariff").path("id").asString()).isEqualTo(free);
        JsonNode reordered = mutate(admin, "tenant-portal/ReorderTariffGroup", Map.of("tariffGroupId", groupId,
                "tariffIds", List.of(free, adHoc, corporate)));
        assertThat(reordered.path("userErrors")).as(reordered.toString()).isEmpty();
        assertThat(applicable("PROFILE", staffer).path("tariff").path("id").asString()).isEqualTo(corporate);

        assertThat(code(mutate(admin, "tenant-portal/DetachTariff", Map.of("tariffGroupId", groupId, "tariffId", base)))).isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/ReorderTariffGroup", Map.of("tariffGroupId", groupId, "tariffIds", List.of(free)))))
                .isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", base, "audience", Map.of("adHocUsers", true)))))
                .as("a base tariff takes no restriction").isEqualTo("INVALID");
        assertThat(code(mutate(admin, "tenant-portal/DeleteTariff", Map.of("tariffId", corporate)))).isEqualTo("IN_USE");
        assertThat(code(mutate(admin, "tenant-portal/DeleteTariffGroup", Map.of("tariffGroupId", groupId)))).isEqualTo("IN_USE");

        mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", evse));
        assertThat(mutate(admin, "tenant-portal/DetachTariff", Map.of("tariffGroupId", groupId, "tariffId", corporate)).path("tariffGroup")
                .path("tariffs")).hasSize(3);
        assertThat(mutate(admin, "tenant-portal/DeleteTariffGroup", Map.of("tariffGroupId", groupId)).path("deletedTariffGroupId").asString())
                .isEqualTo(groupId);
        assertThat(mutate(admin, "tenant-portal/DeleteTariff", Map.of("tariffId", corporate)).path("deletedTariffId").asString()).isEqualTo(corporate);
    }

    @Test
    void anEvseWithoutAGroupIsPricedByTheActivePlansFirstMatchingRule() {
        var response = graphQl().document(admin, "tenant-portal/ApplicableTariff", Map.of("evseId", evse, "customer", "AD_HOC"));
        assertThat(response.raw()).contains("NO_TARIFF");

        String fleetUnit = unit("Fleet");
        String driver = profile(fleetUnit, "fleet@example.com");
        String fleet = mutate(admin, "tenant-portal/CreateBusinessPartnerGroup", Map.of("name", "Fleet", "organisationUnitIds", List.of(fleetUnit)))
                .path("businessPartnerGroup").path("id").asString();
        String ac = mutate(admin, "tenant-portal/CreateLocationGroup", Map.of("name", "AC", "currentType", "AC"))
                .path("locationGroup").path("id").asString();
        String dc = mutate(admin, "tenant-portal/CreateLocationGroup", Map.of("name", "DC", "currentType", "DC"))
                .path("locationGroup").path("id").asString();
        String fleetAc = tariff("Fleet AC", pricing("DURATION_ENERGY", "pricePerKwh", "0.22"), null);
        String fleetDc = tariff("Fleet DC", pricing("DURATION_ENERGY", "pricePerKwh", "0.39"), null);
        String publicAc = tariff("Public AC", pricing("DURATION_ENERGY", "pricePerKwh", "0.35"), null);
        String fallback = tariff("Everything else", pricing("DURATION_ENERGY", "pricePerKwh", "0.59"), null);
        JsonNode plan = mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "2027", "defaultTariffId", fallback, "activate", true,
                "rules", List.of(
                        Map.of("locationGroupId", dc, "businessPartnerGroupId", fleet, "tariffId", fleetDc),
                        Map.of("locationGroupId", ac, "businessPartnerGroupId", fleet, "tariffId", fleetAc),
                        Map.of("locationGroupId", ac, "tariffId", publicAc))));
        assertThat(plan.path("userErrors")).as(plan.toString()).isEmpty();
        assertThat(plan.path("tariffPlan").path("rules").get(2).path("precedence").asInt()).isEqualTo(3);

        JsonNode forFleet = applicable("PROFILE", driver);
        assertThat(forFleet.path("tariff").path("id").asString()).isEqualTo(fleetAc);
        assertThat(forFleet.path("source").asString()).isEqualTo("PLAN_RULE");
        assertThat(forFleet.path("rulePrecedence").asInt()).isEqualTo(2);
        assertThat(forFleet.path("reason").asString()).contains("rule 2", "location group \"AC\"", "business-partner group \"Fleet\"");
        assertThat(applicable("AD_HOC", null).path("tariff").path("id").asString()).isEqualTo(publicAc);

        String planId = plan.path("tariffPlan").path("id").asString();
        mutate(admin, "tenant-portal/UpdateTariffPlan", Map.of("tariffPlanId", planId, "rules", List.of(
                Map.of("locationGroupId", dc, "tariffId", fleetDc))));
        JsonNode fallen = applicable("PROFILE", driver);
        assertThat(fallen.path("source").asString()).isEqualTo("PLAN_DEFAULT");
        assertThat(fallen.path("tariff").path("id").asString()).isEqualTo(fallback);

        assertThat(code(mutate(admin, "tenant-portal/UpdateTariffPlan", Map.of("tariffPlanId", planId, "rules", List.of(
                Map.of("locationGroupId", dc, "tariffId", fleetDc), Map.of("locationGroupId", dc, "tariffId", fleetAc))))))
                .as("a rule shadowed by an earlier one").isEqualTo("DUPLICATE");
        assertThat(code(mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Bad", "defaultTariffId",
                GlobalId.encode("Tariff", UUID.randomUUID()))))).isEqualTo("NOT_FOUND");
        assertThat(code(mutate(admin, "tenant-portal/DeleteTariffPlan", Map.of("tariffPlanId", planId)))).isEqualTo("IN_USE");
        String other = mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "2028", "defaultTariffId", publicAc))
                .path("tariffPlan").path("id").asString();
        assertThat(mutate(admin, "tenant-portal/ActivateTariffPlan", Map.of("tariffPlanId", other)).path("tariffPlan").path("active").asBoolean())
                .isTrue();
        JsonNode plans = graphQl().document(admin, "tenant-portal/TariffPlans", Map.of()).data().path("tariffPlans");
        assertThat(plans.get(0).path("active").asBoolean()).isFalse();
        assertThat(applicable("PROFILE", driver).path("tariff").path("id").asString()).isEqualTo(publicAc);
        assertThat(mutate(admin, "tenant-portal/DeleteTariffPlan", Map.of("tariffPlanId", planId)).path("deletedTariffPlanId").asString())
                .isEqualTo(planId);
    }

    @Test
    void usersOfTheLocationsOwnerGetTheOwnersTariff() {
        String host = unit("Hotel");
        String guestDesk = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", host, "name", "Front desk"))
                .path("organisationUnit").path("id").asString();
        String employee = profile(guestDesk, "desk@example.com");
        String visitor = profile(root, "visitor@example.com");
        JsonNode group = mutate(admin, "tenant-portal/CreateTariffGroup", Map.of("name", "Hotel chargers")).path("tariffGroup");
        String owners = tariff("Hotel staff", pricing("FREE"), Map.of("ownerUsers", true));
        mutate(admin, "tenant-portal/AttachTariff", Map.of("tariffGroupId", group.path("id").asString(), "tariffId", owners));
        mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", evse, "tariffGroupId", group.path("id").asString()));
        assertThat(applicable("PROFILE", employee).path("tariff").path("id").asString()).as("no owner yet").isNotEqualTo(owners);

        JsonNode owned = mutate(admin, "tenant-portal/SetLocationOwner", Map.of("locationId", location, "organisationUnitId", host));
        assertThat(owned.path("location").path("owner").path("name").asString()).isEqualTo("Hotel");
        JsonNode forEmployee = applicable("PROFILE", employee);
        assertThat(forEmployee.path("tariff").path("id").asString()).isEqualTo(owners);
        assertThat(forEmployee.path("reason").asString()).contains("owner");
        assertThat(applicable("PROFILE", visitor).path("tariff").path("id").asString()).isEqualTo(group.path("baseTariff").path("id").asString());
        assertThat(code(mutate(admin, "tenant-portal/SetLocationOwner", Map.of("locationId", location,
                "organisationUnitId", GlobalId.encode("OrganisationUnit", UUID.randomUUID()))))).isEqualTo("NOT_FOUND");
    }
}
