package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * What the portal's list documents cost per request, with data behind every nested field (charge point, EVSE, profile,
 * location, tariff, tariff version, CPO and MSP CDRs): the same for a page of 5 as for a page of 50, in one transaction,
 * within a small ceiling. Counted per request ({@link StatementCounter#measure}), so background work does not count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCostIT extends IntegrationTest {

    /** The most statements any query document of the clients may cost. */
    static final long CEILING = 25;
    /** A required variable declaration: {@code $name: Type!} without a default. */
    static final Pattern REQUIRED = Pattern.compile("\\$(\\w+)\\s*:\\s*(?:\\w+|\\[\\w+!?\\])!(?!\\s*=)");

    /** Rows behind every list: more than the small page, no more than the large one ({@code -Drequest-cost.rows} to measure more). */
    static final int ROWS = Integer.getInteger("request-cost.rows", 12);

    @Autowired
    ChargerEvents chargerEvents;
    @Autowired
    io.chargebase.domain.operations.DriverReservations driverReservations;
    @Autowired
    io.chargebase.domain.operations.TenantReservationSettings reservationSettings;
    @Autowired
    io.chargebase.domain.tokens.Tokens domainTokens;
    @Autowired
    io.chargebase.domain.assets.ChargePoints chargePoints;

    String admin;
    String driver;
    String platform;
    String tenantSlug;
    /** Values for the required variables of the documents, by variable name. */
    final Map<String, Object> ids = new HashMap<>();
    /** Per document, a value that differs from {@link #ids} (the id of another type). */
    final Map<String, Map<String, Object>> idsOf = new HashMap<>();

    @BeforeAll
    void aNetworkWithSessionsAndRatedCdrs() {
        TestTenant tenant = aTenant();
        admin = tokenOf(tenant);
        tenantSlug = tenant.tenant().slug();
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String tariff = created("tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "0.50", "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21")), "tariff");
        created("tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true, "rules", List.of()),
                "tariffPlan");
        String location = created("tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation()), "location");
        JsonNode chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "COST-CP",
                "vendor", "ACME", "model", "X1", "evses", List.of(AssetFixtures.anAcEvse("NL*CST*E0001*1")))).path("chargePoint");
        ChargerRef charger = new ChargerRef(tenant.tenant().id(), GlobalId.decode(chargePoint.path("id").asString()).orElseThrow().id(), "COST-CP");
        // an hour per session, all of them ended before now (a CDR is rated only for a session that has ended)
        Instant start = Instant.now().minus(ROWS + 1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String driverProfile = created("tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dora Driver",
                "email", "dora@example.com"), "profile");
        for (int i = 0; i < ROWS; i++) {
            // every other session is the driver's, so that her own lists run longer than the small page too
            String profile = i % 2 == 1 ? driverProfile : created("tenant-portal/CreateProfile", Map.of("organisationUnitId", root,
                    "name", "Person " + i, "email", "person" + i + "@example.com"), "profile");
            String uid = String.format("C057%06d", i);
            created("tenant-portal/CreateToken", Map.of("uid", uid, "type", "RFID", "ownerProfileId", profile), "token");
            Instant begin = start.plus(i, ChronoUnit.HOURS);
            TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
                int transaction = chargerEvents.startTransaction(charger, new ChargerEvents.TransactionStart(1, uid, 1_000, begin, null))
                        .transactionId();
                chargerEvents.meterValues(charger, 1, transaction, List.of(new ChargerEvents.MeterSample(begin.plus(10, ChronoUnit.MINUTES),
                        io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(3_000), "Sample.Periodic", "Outlet")));
                chargerEvents.stopTransaction(charger, new ChargerEvents.TransactionStop(transaction, uid, 6_000, begin.plus(20, ChronoUnit.MINUTES),
                        io.chargebase.domain.charging.StopReason.EV_DISCONNECTED, List.of()));
            });
        }
        String session = graphQl().document(admin, "tenant-portal/ChargingSessions", Map.of("first", 1)).data()
                .path("chargingSessions").path("edges").get(0).path("node").path("id").asString();
        String evse = chargePoint.path("evses").get(0).path("id").asString();
        ids.putAll(Map.of("id", chargePoint.path("id").asString(), "evseId", evse, "customer", "PROFILE", "text", "Person",
                "host", tenantSlug));
        idsOf.put("tenant-portal/ChargingSession", Map.of("id", session));
        idsOf.put("tenant-portal/Node", Map.of("id", session));
        idsOf.put("tenant-portal/ProfileGroups", Map.of("id", driverProfile));
        idsOf.put("tenant-portal/WalletOf", Map.of("profileId", driverProfile));
        for (int i = 0; i < ROWS; i++) {
            mutate(admin, "tenant-portal/AddToUserBalance", Map.of("profileId", driverProfile, "amount", "1.00", "reason", "Cost " + i));
        }
        mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", ROWS, "amount", "2.00",
                "redeemBefore", java.time.LocalDate.now().plusDays(30).toString()));
        idsOf.put("tenant-portal/ProfileActions", Map.of("profileId", driverProfile));
        idsOf.put("tenant-portal/ApplicableTariff", Map.of("evseId", evse, "customer", "PROFILE", "profileId", driverProfile));
        idsOf.put("driver-app/EvsePrice", Map.of("evseId", evse, "energyKwh", "10", "durationMinutes", 60));
        idsOf.put("driver-app/FindChargers", Map.of("near", Map.of("latitude", 52.3789, "longitude", 4.9003)));
        // Dora's reservations from the app, each with its EVSE (refused before sending, so none holds the EVSE)
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            reservationSettings.update(new io.chargebase.domain.operations.ReservationSettings(true, java.time.Duration.ofMinutes(15),
                    java.time.Duration.ofMinutes(5), 100, java.time.Duration.ZERO));
            var token = domainTokens.findByUid(io.chargebase.domain.tokens.TokenUid.fromIdTag(String.format("C057%06d", 1)).orElseThrow())
                    .orElseThrow();
            var reserved = chargePoints.findEvse(id(evse)).orElseThrow();
            for (int i = 0; i < ROWS; i++) {
                driverReservations.notSent(driverReservations.request(id(driverProfile), token, reserved, null, "cost").id());
            }
        });
        User dora = aUser(tenant, UserRole.DRIVER, null, id(driverProfile));
        driver = accessTokenOf(tenant, dora);
        platform = platformToken();
        // the first request of a token fills caches (its issuer's keys, its tenant), which later ones only read
        graphQl().document(admin, "tenant-portal/CurrentTenant", Map.of());
        graphQl().document(driver, "driver-app/DriverMe", Map.of());
        graphQl().document(platform, "platform-console/Tenants", Map.of());
    }

    /**
     * Every query document of every client, as its client's caller (staff of the tenant, a driver, the platform;
     * the branding anonymously): the same cost at both page sizes, one transaction, a small ceiling.
     */
    @Test
    void everyQueryDocumentOfEveryClientCostsAHandfulOfStatementsInOneTransaction() throws Exception {
        Map<String, StatementCounter.Cost> costs = new TreeMap<>();
        List<String> failures = new java.util.ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:ui-contracts/**/*.graphql")) {
            String path = resource.getURL().getPath();
            String name = path.substring(path.lastIndexOf("/ui-contracts/") + "/ui-contracts/".length(), path.length() - ".graphql".length());
            String text = GraphQl.load(name);
            if (!text.stripLeading().startsWith("query")) {
                continue;
            }
            String token = name.startsWith("platform-console/") ? platform : name.equals("driver-app/Branding") ? null
                    : name.startsWith("driver-app/") ? driver : admin;
            Map<String, Object> variables = new HashMap<>();
            Matcher declared = REQUIRED.matcher(text.substring(0, text.indexOf('{')));
            while (declared.find()) {
                Object value = idsOf.getOrDefault(name, Map.of()).getOrDefault(declared.group(1), ids.get(declared.group(1)));
                assertThat(value).as(name + " needs $" + declared.group(1)).isNotNull();
                variables.put(declared.group(1), value);
            }
            variables.putAll(idsOf.getOrDefault(name, Map.of()));
            boolean paged = text.contains("$first");
            try {
                StatementCounter.Cost small = documentCost(token, name, variables, paged ? 5 : null);
                // the search answers at most 20 per kind
                StatementCounter.Cost large = documentCost(token, name, variables, paged ? name.equals("tenant-portal/Search") ? 20 : 50 : null);
                costs.put(name, large);
                assertThat(large).as(name + ": a page of 50 costs what a page of 5 does").isEqualTo(small);
                assertThat(large.transactions()).as(name + ": transactions").isEqualTo(1);
                assertThat(large.statements()).as(name + ": statements").isLessThanOrEqualTo(CEILING);
            } catch (AssertionError failed) {
                failures.add(failed.getMessage());
            }
        }
        System.out.println("RequestCostIT: every query document: " + costs);
        assertThat(failures).isEmpty();
        assertThat(costs).hasSizeGreaterThanOrEqualTo(35);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mspCdrs", "cpoCdrs", "chargingSessions"})
    void theTotalIsCountedOnlyWhenItIsAsked(String list) {
        String counted = "{ " + list + "(first: 50) { totalCount edges { node { id } } } }";
        String uncounted = "{ " + list + "(first: 50) { edges { node { id } } } }";
        GraphQl.Response[] answer = new GraphQl.Response[2];
        long with = StatementCounter.steady(() -> answer[0] = graphQl().query(admin, counted, Map.of())).statements();
        long without = StatementCounter.steady(() -> answer[1] = graphQl().query(admin, uncounted, Map.of())).statements();
        assertThat(answer[0].data().path(list).path("totalCount").asInt()).as(answer[0].raw()).isEqualTo(ROWS);
        assertThat(answer[1].data().path(list).path("edges").size()).as(answer[1].raw()).isEqualTo(ROWS);
        assertThat(without).as("the count is a statement of its own").isEqualTo(with - 1);
    }

    private StatementCounter.Cost documentCost(String token, String name, Map<String, Object> variables, Integer first) {
        Map<String, Object> sent = new HashMap<>(variables);
        if (first != null) {
            sent.put("first", first);
        }
        GraphQl.Response[] response = new GraphQl.Response[1];
        StatementCounter.Cost cost = StatementCounter.steady(() -> response[0] = graphQl().document(token, name, sent));
        assertThat(response[0].errors().isMissingNode()).as(name + ": " + response[0].raw()).isTrue();
        return cost;
    }

    /** The nested fields of each document's nodes, which must all have data. */
    static final Map<String, List<String>> NESTED = Map.of(
            "tenant-portal/MspCdrs", List.of("tariff", "tariffVersion", "profile", "location", "cpoCdr", "lines"),
            "tenant-portal/ChargingSessions", List.of("chargePoint", "evse", "profile", "cpoCdr", "mspCdr"),
            "tenant-portal/CpoCdrs", List.of("location", "evse", "profile", "mspCdr", "mspCdrs", "chargingPeriods"));

    @ParameterizedTest
    @ValueSource(strings = {"tenant-portal/MspCdrs", "tenant-portal/ChargingSessions", "tenant-portal/CpoCdrs"})
    void aPageCostsTheSameForFiveRowsAndForFifty(String document) {
        StatementCounter.Cost five = cost(document, 5, 5);
        StatementCounter.Cost fifty = cost(document, 50, ROWS);
        System.out.println("RequestCostIT: " + document + " first: 5 took " + five + ", first: 50 (" + ROWS + " rows) took " + fifty);
        assertThat(fifty).isEqualTo(five);
        assertThat(fifty.transactions()).as("transactions per request").isEqualTo(1);
        assertThat(fifty.statements()).as("statements per request").isLessThanOrEqualTo(15);
    }

    private StatementCounter.Cost cost(String document, int first, int expectedRows) {
        GraphQl.Response[] response = new GraphQl.Response[1];
        StatementCounter.Cost cost = StatementCounter.steady(() -> response[0] = graphQl().document(admin, document, Map.of("first", first)));
        assertThat(response[0].errors().isMissingNode()).as(response[0].raw()).isTrue();
        String name = document.substring(document.indexOf('/') + 1);
        JsonNode edges = response[0].data().path(Character.toLowerCase(name.charAt(0)) + name.substring(1)).path("edges");
        assertThat(edges.size()).as(document).isEqualTo(expectedRows);
        // data behind every nested field, so that none of them is skipped as null
        for (JsonNode edge : edges) {
            for (String field : NESTED.get(document)) {
                JsonNode value = edge.path("node").path(field);
                assertThat(value.isNull() || value.isMissingNode() || value.isEmpty()).as(document + " " + field + " of " + edge).isFalse();
            }
        }
        return cost;
    }

    private String created(String document, Map<String, ?> input, String field) {
        JsonNode payload = mutate(admin, document, input);
        assertThat(payload.path("userErrors")).as(document + ": " + payload).isEmpty();
        return payload.path(field).path("id").asString();
    }

    static UUID id(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().id();
    }
}
