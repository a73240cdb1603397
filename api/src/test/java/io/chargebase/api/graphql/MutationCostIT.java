package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * What the portal's mutation documents cost per request: a tenant's network built, changed and taken apart again with
 * the documents of {@code ui-contracts}, each request counted on its own ({@link StatementCounter#measure}) and held
 * to a small ceiling, whatever it writes; the imports cost no more for a hundred rows than for ten. A sibling of
 * {@link RequestCostIT}, which holds the query documents to theirs.
 */
class MutationCostIT extends IntegrationTest {

    /** The most statements a mutation document may cost. */
    static final long CEILING = 40;

    @Autowired
    ChargerEvents chargerEvents;

    private String admin;
    private final Map<String, StatementCounter.Cost> costs = new TreeMap<>();

    @Test
    void everyMutationOfTheNetworksLifeCostsAHandfulOfStatements() {
        TestTenant tenant = aTenant();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();

        String unit = id(counted("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet")), "organisationUnit");
        counted("tenant-portal/RenameOrganisationUnit", Map.of("organisationUnitId", unit, "name", "Fleet customers"));
        String empty = id(counted("tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Empty")), "organisationUnit");
        counted("tenant-portal/DeleteOrganisationUnit", Map.of("organisationUnitId", empty));
        String profile = id(counted("tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", "Dora Driver",
                "email", "dora@example.com")), "profile");
        counted("tenant-portal/UpdateProfile", Map.of("profileId", profile, "phone", "+31205550000"));
        String token = id(counted("tenant-portal/CreateToken", Map.of("uid", "C0570001", "type", "RFID", "ownerProfileId", profile)), "token");
        counted("tenant-portal/UpdateToken", Map.of("tokenId", token, "visualNumber", "DORA-1"));
        counted("tenant-portal/BlockToken", Map.of("tokenId", token, "reason", "Lost"));
        counted("tenant-portal/UnblockToken", Map.of("tokenId", token, "reason", "Found"));
        String other = id(counted("tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", "Otto Other",
                "email", "otto@example.com")), "profile");
        counted("tenant-portal/DeactivateProfile", Map.of("profileId", other));
        counted("tenant-portal/ReactivateProfile", Map.of("profileId", other));

        String tariff = id(counted("tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "0.50", "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21"))), "tariff");
        counted("tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true, "rules", List.of()));
        String location = id(counted("tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation())), "location");
        counted("tenant-portal/UpdateLocation", Map.of("locationId", location, "name", "Depot"));
        JsonNode chargePoint = counted("tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "COST-CP",
                "vendor", "ACME", "model", "X1", "evses", List.of(AssetFixtures.anAcEvse("NL*CST*E0001*1"), AssetFixtures.anAcEvse("NL*CST*E0001*2"))))
                .path("chargePoint");
        String chargePointId = chargePoint.path("id").asString();
        counted("tenant-portal/UpdateChargePoint", Map.of("chargePointId", chargePointId, "serialNumber", "SN-1"));
        String spare = chargePoint.path("evses").get(1).path("id").asString();
        counted("tenant-portal/SetEvseStatus", Map.of("evseId", spare, "status", "INOPERATIVE"));
        counted("tenant-portal/SetEvseStatus", Map.of("evseId", spare, "status", "AVAILABLE"));

        String group = id(counted("tenant-portal/CreateUserGroup", Map.of("name", "Early adopters", "profileIds", List.of(profile))), "userGroup");
        counted("tenant-portal/SetUserGroupMembers", Map.of("userGroupId", group, "profileIds", List.of(profile, other)));
        counted("tenant-portal/DeleteUserGroup", Map.of("userGroupId", group));
        String locations = id(counted("tenant-portal/CreateLocationGroup", Map.of("name", "Depots", "locationIds", List.of(location))),
                "locationGroup");
        counted("tenant-portal/DeleteLocationGroup", Map.of("locationGroupId", locations));
        counted("tenant-portal/UpdateBranding", Map.of("displayName", "Cost Mobility", "primaryColor", "#112233"));
        counted("tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 3));

        // a session ended and rated, then rated again
        ChargerRef charger = new ChargerRef(tenant.tenant().id(), RequestCostIT.id(chargePointId), "COST-CP");
        Instant begin = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            int transaction = chargerEvents.startTransaction(charger, new ChargerEvents.TransactionStart(1, "C0570001", 1_000, begin, null))
                    .transactionId();
            chargerEvents.meterValues(charger, 1, transaction, List.of(new ChargerEvents.MeterSample(begin.plus(10, ChronoUnit.MINUTES),
                    io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(3_000), "Sample.Periodic", "Outlet")));
            chargerEvents.stopTransaction(charger, new ChargerEvents.TransactionStop(transaction, "C0570001", 6_000,
                    begin.plus(20, ChronoUnit.MINUTES), io.chargebase.domain.charging.StopReason.EV_DISCONNECTED, List.of()));
        });
        String cpoCdr = graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of("first", 1)).data().path("cpoCdrs").path("edges").get(0)
                .path("node").path("id").asString();
        counted("tenant-portal/RerateCdr", Map.of("cpoCdrId", cpoCdr));

        User analyst = aUser(tenant, UserRole.ANALYST, null, null);
        String user = GlobalId.encode("User", analyst.id());
        counted("tenant-portal/DisableUser", Map.of("userId", user));
        counted("tenant-portal/EnableUser", Map.of("userId", user));

        // imports write in batches: a hundred rows cost no more than ten. Each size is the cheapest of three imports of
        // other rows, as StatementCounter.steady does for queries: a request's caches (its tenant, its token's user)
        // reload every few seconds, and the import that happens to reload one costs a statement or two more
        StatementCounter.Cost tenProfiles = cheapestImport("tenant-portal/ImportProfiles", profiles(0, 10), profiles(10, 10), profiles(20, 10));
        StatementCounter.Cost hundredProfiles = cheapestImport("tenant-portal/ImportProfiles", profiles(100, 100), profiles(200, 100),
                profiles(300, 100));
        StatementCounter.Cost tenTokens = cheapestImport("tenant-portal/ImportTokens", tokens(0, 10), tokens(10, 10), tokens(20, 10));
        StatementCounter.Cost hundredTokens = cheapestImport("tenant-portal/ImportTokens", tokens(100, 100), tokens(200, 100), tokens(300, 100));

        System.out.println("MutationCostIT: " + costs);
        System.out.println("MutationCostIT: not exercised here: " + notExercised());
        List<String> over = new ArrayList<>();
        costs.forEach((document, cost) -> {
            if (cost.statements() > CEILING) {
                over.add(document + " " + cost);
            }
        });
        assertThat(over).as("mutation documents over " + CEILING + " statements").isEmpty();
        assertThat(hundredProfiles.statements()).as("a hundred profiles imported").isLessThanOrEqualTo(tenProfiles.statements());
        assertThat(hundredTokens.statements()).as("a hundred tokens imported").isLessThanOrEqualTo(tenTokens.statements());
        assertThat(costs).hasSizeGreaterThanOrEqualTo(30);
    }

    /** The request's payload, its cost kept under the document's name (the highest, when it is sent more than once). */
    private JsonNode counted(String document, Map<String, ?> input) {
        JsonNode[] payload = new JsonNode[1];
        StatementCounter.Cost cost = StatementCounter.measure(() -> payload[0] = mutate(admin, document, input));
        assertThat(payload[0].path("userErrors")).as(document + ": " + payload[0]).isEmpty();
        costs.merge(document, cost, (a, b) -> a.statements() >= b.statements() ? a : b);
        return payload[0];
    }

    private StatementCounter.Cost importCost(String document, String csv) {
        JsonNode[] payload = new JsonNode[1];
        StatementCounter.Cost cost = StatementCounter.measure(() -> payload[0] = mutate(admin, document, Map.of("csv", csv)));
        assertThat(payload[0].path("imported").asInt()).as(document + ": " + payload[0]).isEqualTo(csv.split("\n").length - 1);
        costs.merge(document, cost, (a, b) -> a.statements() >= b.statements() ? a : b);
        return cost;
    }

    private StatementCounter.Cost cheapestImport(String document, String... csvs) {
        return java.util.Arrays.stream(csvs).map(csv -> importCost(document, csv))
                .min(java.util.Comparator.comparingLong(StatementCounter.Cost::statements)).orElseThrow();
    }

    private static String profiles(int from, int count) {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = from; i < from + count; i++) {
            csv.append("Imported ").append(i).append(",imported").append(i).append("@example.com\n");
        }
        return csv.toString();
    }

    private static String tokens(int from, int count) {
        StringBuilder csv = new StringBuilder("uid,type\n");
        for (int i = from; i < from + count; i++) {
            csv.append(String.format("1A%06d", i)).append(",RFID\n");
        }
        return csv.toString();
    }

    /** The mutation documents of the clients this test does not send, for the record. */
    private TreeSet<String> notExercised() {
        TreeSet<String> left = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:ui-contracts/**/*.graphql")) {
                String path = resource.getURL().getPath();
                String name = path.substring(path.lastIndexOf("/ui-contracts/") + "/ui-contracts/".length(), path.length() - ".graphql".length());
                if (GraphQl.load(name).stripLeading().startsWith("mutation") && !costs.containsKey(name)) {
                    left.add(name);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return left;
    }

    private static String id(JsonNode payload, String field) {
        return payload.path(field).path("id").asString();
    }
}
