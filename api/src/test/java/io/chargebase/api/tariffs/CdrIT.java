package io.chargebase.api.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;

/** CPO CDRs rated into MSP CDRs: exact prices, versions on re-rating, bad input, filters, and what drivers and OU admins see. */
class CdrIT extends IntegrationTest {

    private TestTenant tenant;
    private String admin;
    private String root;
    private String location;
    private String evse;
    private String fleetUnit;
    private String driverProfile;

    @BeforeEach
    void tenantWithAChargerADriverAndAPlan() {
        tenant = aTenant();
        admin = tokenOf(tenant);
        root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        evse = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1")))).path("chargePoint").path("evses").get(0).path("id").asString();
        fleetUnit = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet"))
                .path("organisationUnit").path("id").asString();
        driverProfile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", fleetUnit, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "04A1B2C3D4E5F6", "type", "RFID", "ownerProfileId", driverProfile));
        // 1.00 connection fee, 0.30/kWh, 0.05/min (3.00/h), 21 % VAT
        String standard = tariff("Standard", Map.of("kind", "DURATION_ENERGY", "connectionFee", "1.00",
                "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21"));
        JsonNode plan = mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", standard, "activate", true));
        assertThat(plan.path("userErrors")).as(plan.toString()).isEmpty();
    }

    static Map<String, Object> period(String start, Object... dimensions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < dimensions.length; i += 2) {
            list.add(Map.of("type", dimensions[i], "volume", dimensions[i + 1]));
        }
        return Map.of("startAt", start, "dimensions", list);
    }

    JsonNode record(String number, String token, String start, String end, List<Map<String, Object>> periods) {
        Map<String, Object> input = new HashMap<>();
        input.put("cdrNumber", number);
        input.put("evseId", evse);
        input.put("tokenUid", token);
        input.put("startAt", start);
        input.put("endAt", end);
        input.put("chargingPeriods", periods);
        return mutate(admin, "tenant-portal/RecordCpoCdr", input);
    }

    private String tariff(String name, Map<String, Object> pricing) {
        JsonNode created = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", name, "pricing", pricing));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("tariff").path("id").asString();
    }

    private static void updated(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
    }

    private static String code(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void aCdrIsRatedExactlyAndReRatingKeepsEveryVersion() {
        JsonNode rated = record("CDR-0001", "04A1B2C3D4E5F6", "2026-11-20T10:00:00Z", "2026-11-20T11:30:00Z", List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "12.5", "TIME", "1"),
                period("2026-11-20T11:00:00Z", "ENERGY", "2.5", "TIME", "0.5")));
        assertThat(rated.path("userErrors")).as(rated.toString()).isEmpty();
        JsonNode cdr = rated.path("mspCdr");
        // 1.00 + 15 kWh × 0.30 + 1.5 h × 3.00 = 10.00 excl. VAT, 12.10 incl.
        assertThat(cdr.path("totalCost").path("exclVat").asString()).isEqualTo("10.0000");
        assertThat(cdr.path("totalCost").path("inclVat").asString()).isEqualTo("12.1000");
        assertThat(cdr.path("totalEnergyKwh").asString()).isEqualTo("15.0000");
        assertThat(cdr.path("cdrNumber").asString()).isEqualTo("CDR-0001-1");
        assertThat(cdr.path("profile").path("id").asString()).isEqualTo(driverProfile);
        assertThat(cdr.path("cpoCdr").path("customer").asString()).isEqualTo("PROFILE");
        assertThat(cdr.path("selection").asString()).contains("Tariff plan \"Plan\"", "default");
        Map<String, String> lines = new HashMap<>();
        cdr.path("lines").forEach(line -> lines.put(line.path("dimension").asString(), line.path("cost").path("exclVat").asString()));
        assertThat(lines).containsEntry("FLAT", "1.0000").containsEntry("ENERGY", "4.5000").containsEntry("TIME", "4.5000");
        String tariff = cdr.path("tariff").path("id").asString();
        assertThat(cdr.path("tariffVersion").path("version").asInt()).isEqualTo(1);

        // a price correction, then a re-rating: version 2, version 1 kept and marked superseded
        mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", tariff, "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.25", "pricePerMinute", "0.05", "vatPercent", "21")));
        String cpoCdr = cdr.path("cpoCdr").path("id").asString();
        JsonNode rerated = mutate(admin, "tenant-portal/RerateCdr", Map.of("cpoCdrId", cpoCdr)).path("mspCdr");
        assertThat(rerated.path("version").asInt()).isEqualTo(2);
        assertThat(rerated.path("cdrNumber").asString()).isEqualTo("CDR-0001-2");
        assertThat(rerated.path("tariffVersion").path("version").asInt()).isEqualTo(2);
        assertThat(rerated.path("totalCost").path("exclVat").asString()).isEqualTo("9.2500");
        JsonNode versions = rerated.path("cpoCdr").path("mspCdrs");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("supersededAt").isNull()).isFalse();
        assertThat(versions.get(1).path("supersededAt").isNull()).isTrue();

        JsonNode current = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of()).data().path("mspCdrs");
        assertThat(current.path("totalCount").asInt()).isEqualTo(1);
        assertThat(graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("filter", Map.of("includeSuperseded", true))).data()
                .path("mspCdrs").path("totalCount").asInt()).isEqualTo(2);
        assertThat(code(record("CDR-0001", null, "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z", List.of(
                period("2026-11-21T10:00:00Z", "ENERGY", "1"))))).isEqualTo("DUPLICATE");
    }

    @Test
    void malformedCdrsAreRefusedAndNothingIsRecorded() {
        assertThat(code(record("BAD-1", null, "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", List.of(
                period("2026-11-20T10:30:00Z", "ENERGY", "1"), period("2026-11-20T10:00:00Z", "ENERGY", "1"))))).isEqualTo("OUT_OF_ORDER");
        assertThat(code(record("BAD-2", null, "2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z", List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "1"))))).isEqualTo("OUT_OF_ORDER");
        assertThat(code(record("BAD-3", null, "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", List.of()))).isEqualTo("REQUIRED");
        assertThat(code(record("BAD-4", null, "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "-1"))))).isEqualTo("INVALID");
        assertThat(code(record("has spaces", null, "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "1"))))).isEqualTo("INVALID");
        assertThat(code(record("BAD-6", null, "2026-11-20T10:00:00Z", java.time.Instant.now().plusSeconds(3600).toString(), List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "1"))))).as("a session that ends in the future").isEqualTo("INVALID");
        assertThat(code(record("BAD-5", "XYZ", "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "1"))))).isEqualTo("INVALID_UID");
        assertThat(graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs").path("totalCount").asInt()).isZero();
    }

    @Test
    void anEvseNobodyPricesIsNotRatedWithAGuess() {
        TestTenant bare = aTenant();
        String bareAdmin = tokenOf(bare);
        String bareLocation = mutate(bareAdmin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        String bareEvse = mutate(bareAdmin, "tenant-portal/RegisterChargePoint", Map.of("locationId", bareLocation, "ocppIdentity", "CP-9",
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargePoint").path("evses").get(0).path("id").asString();
        JsonNode refused = mutate(bareAdmin, "tenant-portal/RecordCpoCdr", Map.of("cdrNumber", "N-1", "evseId", bareEvse,
                "startAt", "2026-11-20T10:00:00Z", "endAt", "2026-11-20T11:00:00Z",
                "chargingPeriods", List.of(period("2026-11-20T10:00:00Z", "ENERGY", "1"))));
        assertThat(code(refused)).isEqualTo("NO_TARIFF");
        assertThat(graphQl().document(bareAdmin, "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs").path("totalCount").asInt()).isZero();
    }

    @Test
    void filtersAndNarrowedScopesDecideWhichCdrsAreListed() {
        String otherProfile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Olga Other",
                "email", "olga@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0A0B0C0D", "type", "RFID", "ownerProfileId", otherProfile));
        record("F-1", "04A1B2C3D4E5F6", "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z", List.of(period("2026-11-01T08:00:00Z", "ENERGY", "5")));
        record("F-2", "04A1B2C3D4E5F6", "2026-11-10T08:00:00Z", "2026-11-10T09:00:00Z", List.of(period("2026-11-10T08:00:00Z", "ENERGY", "6")));
        record("F-3", "0A0B0C0D", "2026-11-15T08:00:00Z", "2026-11-15T09:00:00Z", List.of(period("2026-11-15T08:00:00Z", "ENERGY", "7")));
        record("F-4", null, "2026-11-16T08:00:00Z", "2026-11-16T09:00:00Z", List.of(period("2026-11-16T08:00:00Z", "ENERGY", "8")));

        assertThat(numbers(graphQl().document(admin, "tenant-portal/MspCdrs", Map.of()), "mspCdrs"))
                .containsExactly("F-4-1", "F-3-1", "F-2-1", "F-1-1");
        assertThat(numbers(graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("filter", Map.of("from", "2026-11-05T00:00:00Z",
                "to", "2026-11-16T00:00:00Z"))), "mspCdrs")).containsExactly("F-3-1", "F-2-1");
        assertThat(numbers(graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("filter", Map.of("organisationUnitId", fleetUnit))), "mspCdrs"))
                .containsExactly("F-2-1", "F-1-1");
        assertThat(numbers(graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of("filter", Map.of("profileId", otherProfile))), "cpoCdrs"))
                .containsExactly("F-3");
        assertThat(numbers(graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of("filter", Map.of("locationId", location))), "cpoCdrs"))
                .hasSize(4);
        GraphQl.Response page = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("first", 3));
        String after = page.data().path("mspCdrs").path("pageInfo").path("endCursor").asString();
        assertThat(page.data().path("mspCdrs").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(numbers(graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("first", 3, "after", after)), "mspCdrs"))
                .containsExactly("F-1-1");

        GraphQl.Response csv = new GraphQl(baseUrl(), "/graphql/csv").document(admin, "tenant-portal/MspCdrs", Map.of("first", 100));
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        List<String> rows = csv.raw().lines().toList();
        assertThat(rows.getFirst()).contains("cdrNumber", "totalCost.exclVat", "totalCost.inclVat");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).contains("F-4-1");

        String ouAdmin = accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(fleetUnit).orElseThrow().id(), null));
        assertThat(numbers(graphQl().document(ouAdmin, "tenant-portal/MspCdrs", Map.of()), "mspCdrs")).containsExactly("F-2-1", "F-1-1");
        assertThat(numbers(graphQl().document(ouAdmin, "tenant-portal/CpoCdrs", Map.of()), "cpoCdrs")).containsExactly("F-2", "F-1");

        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(otherProfile).orElseThrow().id()));
        assertThat(numbers(graphQl().document(driver, "driver-app/MyCdrs", Map.of()), "myCdrs")).containsExactly("F-3-1");
        assertThat(graphQl().document(driver, "tenant-portal/MspCdrs", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
    }

    @Test
    void aDriverSeesTheirOwnPriceWithAnEstimate() {
        String staffUnit = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Staff"))
                .path("organisationUnit").path("id").asString();
        String staffer = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", staffUnit, "name", "Sam Staff",
                "email", "sam@example.com")).path("profile").path("id").asString();
        String staff = mutate(admin, "tenant-portal/CreateUserGroup", Map.of("name", "Staff", "profileIds", List.of(staffer)))
                .path("userGroup").path("id").asString();
        JsonNode group = mutate(admin, "tenant-portal/CreateTariffGroup", Map.of("name", "AC")).path("tariffGroup");
        String base = group.path("baseTariff").path("id").asString();
        updated(mutate(admin, "tenant-portal/UpdateTariff", Map.of("tariffId", base, "description", "Public charging",
                "pricing", Map.of("kind", "POWER_LEVELS", "vatPercent", "0", "powerLevels", List.of(
                        Map.of("maxAverageKw", "7.4", "pricePerMinute", "0.10"),
                        Map.of("maxAverageKw", "11", "pricePerMinute", "0.12"),
                        Map.of("maxAverageKw", "22", "pricePerMinute", "0.15"))),
                "stopLimits", Map.of("maxMinutes", 240))));
        Map<String, Object> freeForStaff = new HashMap<>();
        freeForStaff.put("name", "Staff free");
        freeForStaff.put("pricing", Map.of("kind", "FREE"));
        freeForStaff.put("description", "Free for staff");
        freeForStaff.put("audience", Map.of("userGroupIds", List.of(staff)));
        String free = mutate(admin, "tenant-portal/CreateTariff", freeForStaff).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/AttachTariff", Map.of("tariffGroupId", group.path("id").asString(), "tariffId", free));
        mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", evse, "tariffGroupId", group.path("id").asString()));

        String publicDriver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(driverProfile).orElseThrow().id()));
        // the admin manual's example: one hour at an average between 11 and 22 kW costs 9.00, at 7.4 kW 6.00
        JsonNode fast = price(publicDriver, "NL*CBS*E0001*1", "15", 60);
        assertThat(fast.path("description").asString()).isEqualTo("Public charging");
        assertThat(fast.path("text").asString()).isEqualTo("0.10 EUR/min charging (below 7.4 kW); 0.12 EUR/min charging (7.4–11 kW); 0.15 EUR/min charging (from 11 kW)");
        assertThat(fast.path("stopLimits").path("maxMinutes").asInt()).isEqualTo(240);
        assertThat(fast.path("estimate").path("total").path("exclVat").asString()).isEqualTo("9.00");
        assertThat(price(publicDriver, evse, "7.0", 60).path("estimate").path("total").path("exclVat").asString()).isEqualTo("6.00");

        String staffDriver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(staffer).orElseThrow().id()));
        JsonNode forStaff = price(staffDriver, evse, "15", 60);
        assertThat(forStaff.path("description").asString()).isEqualTo("Free for staff");
        assertThat(forStaff.path("text").asString()).isEqualTo("Free");
        assertThat(forStaff.path("estimate").path("total").path("exclVat").asString()).isEqualTo("0.00");

        GraphQl.Response unknown = graphQl().document(publicDriver, "driver-app/EvsePrice", Map.of("evseId", "NL*CBS*E9999*1"));
        assertThat(unknown.raw()).contains("No EVSE");
        assertThat(graphQl().document(admin, "driver-app/EvsePrice", Map.of("evseId", evse)).errorTypes()).containsExactly("FORBIDDEN");
    }

    @Test
    void nightPricesApplyAcrossMidnightInTheLocationsTimeZone() {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Day and night");
        input.put("pricing", Map.of("kind", "TIME_OF_DAY", "dayStartsAt", "07:00", "nightStartsAt", "23:00",
                "pricePerKwh", "0.40", "nightPricePerKwh", "0.20"));
        String dayNight = mutate(admin, "tenant-portal/CreateTariff", input).path("tariff").path("id").asString();
        JsonNode group = mutate(admin, "tenant-portal/CreateTariffGroup", Map.of("name", "Night owls")).path("tariffGroup");
        // an attached tariff for everyone overrides the (free) base tariff; its first version covers sessions before it was created
        updated(mutate(admin, "tenant-portal/AttachTariff", Map.of("tariffGroupId", group.path("id").asString(), "tariffId", dayNight)));
        mutate(admin, "tenant-portal/SetEvseTariffGroup", Map.of("evseId", evse, "tariffGroupId", group.path("id").asString()));
        // Amsterdam is UTC+1 in November: 21:30–22:00 UTC is day (22:30 local), 22:00 UTC on is night (23:00 local)
        JsonNode rated = record("N-1", null, "2026-11-20T21:30:00Z", "2026-11-21T00:30:00Z", List.of(
                period("2026-11-20T21:30:00Z", "ENERGY", "5"),
                period("2026-11-20T22:00:00Z", "ENERGY", "10")));
        assertThat(rated.path("userErrors")).as(rated.toString()).isEmpty();
        assertThat(rated.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("4.0000");
        assertThat(dayNight).isNotBlank();
    }

    @Test
    void aCdrCarriesItsPayableTotalAtTheCurrencysScaleRoundedHalfUpOnce() {
        // JPY has no decimals: 12.5 kWh × 33 JPY = 412.5, payable 413 (half-up; half-even would say 412)
        String yen = tariff("Yen", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "33"), "JPY");
        updated(mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Yen plan", "defaultTariffId", yen, "activate", true)));
        JsonNode inYen = record("JPY-1", "04A1B2C3D4E5F6", "2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", List.of(
                period("2026-11-20T10:00:00Z", "ENERGY", "12.5", "TIME", "1")));
        assertThat(inYen.path("userErrors")).as(inYen.toString()).isEmpty();
        assertThat(inYen.path("mspCdr").path("currency").asString()).isEqualTo("JPY");
        assertThat(inYen.path("mspCdr").path("totalCost").path("inclVat").asString()).isEqualTo("412.5000");
        assertThat(inYen.path("mspCdr").path("payableTotal").asString()).isEqualTo("413");

        // BHD has three: 10 kWh × 0.01245 BHD = 0.1245, payable 0.125 (half-up; half-even would say 0.124)
        String dinar = tariff("Dinar", Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.01245"), "BHD");
        updated(mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Dinar plan", "defaultTariffId", dinar, "activate", true)));
        JsonNode inDinar = record("BHD-1", "04A1B2C3D4E5F6", "2026-11-20T12:00:00Z", "2026-11-20T13:00:00Z", List.of(
                period("2026-11-20T12:00:00Z", "ENERGY", "10", "TIME", "1")));
        assertThat(inDinar.path("userErrors")).as(inDinar.toString()).isEmpty();
        assertThat(inDinar.path("mspCdr").path("totalCost").path("inclVat").asString()).isEqualTo("0.1245");
        assertThat(inDinar.path("mspCdr").path("payableTotal").asString()).isEqualTo("0.125");
        // the CDRs rated with a tariff keep it: charging says so when tariffs is asked to delete it
        JsonNode deleteYen = mutate(admin, "tenant-portal/DeleteTariff", Map.of("tariffId", yen));
        assertThat(code(deleteYen)).isEqualTo("IN_USE");
        assertThat(deleteYen.path("userErrors").get(0).path("message").asString()).contains("rated CDRs");
        // re-rating writes the next version with its own payable total
        JsonNode rerated = mutate(admin, "tenant-portal/RerateCdr", Map.of("cpoCdrId", inDinar.path("mspCdr").path("cpoCdr").path("id").asString()));
        assertThat(rerated.path("mspCdr").path("payableTotal").asString()).as(rerated.toString()).isEqualTo("0.125");

        // the driver's estimate comes from the same pricing, shown at the currency's scale: 3 decimals, not 2
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(driverProfile).orElseThrow().id()));
        JsonNode estimate = price(driver, evse, "10", 60).path("estimate");
        assertThat(estimate.path("total").path("exclVat").asString()).isEqualTo("0.125");
        assertThat(estimate.path("lines").get(0).path("cost").path("exclVat").asString()).isEqualTo("0.125");
    }

    private String tariff(String name, Map<String, Object> pricing, String currency) {
        JsonNode created = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", name, "pricing", pricing, "currency", currency));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("tariff").path("id").asString();
    }

    private JsonNode price(String token, String evseId, String kwh, int minutes) {
        GraphQl.Response response = graphQl().document(token, "driver-app/EvsePrice", Map.of("evseId", evseId, "energyKwh", kwh,
                "durationMinutes", minutes));
        assertThat(response.errors().isMissingNode()).as(response.raw()).isTrue();
        return response.data().path("evsePrice");
    }

    private static List<String> numbers(GraphQl.Response response, String field) {
        assertThat(response.errors().isMissingNode()).as(response.raw()).isTrue();
        List<String> numbers = new ArrayList<>();
        response.data().path(field).path("edges").forEach(edge -> numbers.add(edge.path("node").path("cdrNumber").asString()));
        return numbers;
    }
}
