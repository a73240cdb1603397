package io.chargebase.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.api.support.TestDatabase;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Prints what findChargers costs on a tenant with 50,000 locations (each with a charge point, an AC and a DC EVSE):
 * half of them spread over the Netherlands, half over Europe, a tenth of them private. Not part of the test run:
 * {@code ./mvnw -B -pl api -am -Pbenchmark verify -Dit.test=ChargerFinderBenchmarkIT}. The figures are printed, not
 * asserted: they depend on the machine.
 */
class ChargerFinderBenchmarkIT extends IntegrationTest {

    private static final int LOCATIONS = 50_000;
    private static final int RUNS = 7;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void fiftyThousandLocations() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing",
                Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.30", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        long generating = System.nanoTime();
        generate(tenant);
        long generated = (System.nanoTime() - generating) / 1_000_000;
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));

        Map<String, Object> amsterdam = Map.of("latitude", 52.3731, "longitude", 4.8926);
        Map<String, Object> netherlands = Map.of("south", 50.8, "west", 3.4, "north", 53.5, "east", 7.2);
        Map<String, Object> world = Map.of("south", -90, "west", -180, "north", 90, "east", 180);
        Map<String, Object> antimeridian = Map.of("south", -60, "west", 170, "north", 60, "east", -170);
        System.out.printf("%nBENCHMARK findChargers on %,d locations (%,d EVSEs), generated in %,d ms%n", LOCATIONS, 2 * LOCATIONS, generated);
        measure(driver, "near Amsterdam, 25 km, first 20", Map.of("near", amsterdam, "first", 20));
        measure(driver, "near Amsterdam, 25 km, first 100", Map.of("near", amsterdam, "first", 100));
        measure(driver, "near Amsterdam, 100 km, first 100", Map.of("near", amsterdam, "radiusKm", 100, "first", 100));
        measure(driver, "near Amsterdam, 500 km, DC ≥ 100 kW, first 50", Map.of("near", amsterdam, "radiusKm", 500, "first", 50,
                "filter", Map.of("currentType", "DC", "minPowerKw", 100)));
        measure(driver, "near Amsterdam, 25 km, free of charge, first 20", Map.of("near", amsterdam, "first", 20,
                "filter", Map.of("freeOfCharge", true)));
        measure(driver, "box Netherlands, first 100", Map.of("box", netherlands, "first", 100));
        measure(driver, "box whole world, first 100", Map.of("box", world, "first", 100));
        measure(driver, "box across the antimeridian, first 100", Map.of("box", antimeridian, "first", 100));
        System.out.println();
    }

    private void measure(String driver, String what, Map<String, ?> variables) {
        List<Long> millis = new ArrayList<>();
        long statements = 0;
        int found = 0;
        for (int run = 0; run < RUNS; run++) {
            GraphQl.Response[] response = new GraphQl.Response[1];
            long start = System.nanoTime();
            statements = StatementCounter.during(() -> response[0] = graphQl().document(driver, "driver-app/FindChargers", variables));
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(response[0].errorTypes()).as(response[0].raw().substring(0, Math.min(400, response[0].raw().length()))).isEmpty();
            JsonNode edges = response[0].data().path("findChargers").path("edges");
            found = edges.size();
        }
        Collections.sort(millis);
        System.out.printf("BENCHMARK   %-50s %3d locations, %2d SQL statements, median %4d ms, best %4d ms (whole HTTP request, %d runs)%n",
                what, found, statements, millis.get(RUNS / 2), millis.getFirst(), RUNS);
    }

    /**
     * The locations with their charge points, EVSEs and connectors, 2,500 locations a statement (each within the
     * statement timeout on a busy machine), as the application role under row-level security.
     */
    private void generate(TestTenant tenant) {
        UUID id = tenant.tenant().id().value();
        int chunk = 2_500;
        for (int from = 1; from <= LOCATIONS; from += chunk) {
            int first = from;
            TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                    jdbc.sql("""
                            with l as (
                                insert into location (tenant_id, id, name, street, city, country, latitude, longitude, time_zone, access)
                                select ?, gen_random_uuid(), 'Site ' || n, 'Street ' || n, 'City', 'NL',
                                       case when n % 2 = 0 then 50.8 + random() * 2.7 else 36 + random() * 34 end,
                                       case when n % 2 = 0 then 3.4 + random() * 3.8 else -10 + random() * 40 end,
                                       'Europe/Amsterdam', case when n % 10 = 0 then 'PRIVATE' else 'PUBLIC' end
                                from generate_series(?, ?) n
                                returning tenant_id, id),
                            cp as (
                                insert into charge_point (tenant_id, id, location_id, ocpp_identity)
                                select tenant_id, gen_random_uuid(), id, 'BENCH-' || replace(id::text, '-', '') from l
                                returning tenant_id, id),
                            e as (
                                insert into evse (tenant_id, id, charge_point_id, ocpp_number, current_type, max_power_kw, status)
                                select tenant_id, gen_random_uuid(), id, n, case when n = 1 then 'AC' else 'DC' end,
                                       case when n = 1 then 22 else 50 + (abs(hashtext(id::text)) % 4) * 50 end,
                                       case when abs(hashtext(id::text || n)) % 3 = 0 then 'CHARGING' else 'AVAILABLE' end
                                from cp, generate_series(1, 2) n
                                returning tenant_id, id, current_type)
                            insert into connector (tenant_id, id, evse_id, standard, format, power_type, max_voltage, max_amperage, position)
                            select tenant_id, gen_random_uuid(), id, case when current_type = 'AC' then 'IEC_62196_T2' else 'IEC_62196_T2_COMBO' end,
                                   case when current_type = 'AC' then 'SOCKET' else 'CABLE' end,
                                   case when current_type = 'AC' then 'AC_3_PHASE' else 'DC' end, case when current_type = 'AC' then 400 else 920 end,
                                   case when current_type = 'AC' then 32 else 200 end, 1
                            from e""").params(id, first, Math.min(LOCATIONS, first + chunk - 1)).update()));
        }
        analyze("location", "charge_point", "evse", "connector");
    }

    /**
     * Statistics for the planner, as autovacuum keeps them in production: as the tables' owner (the application role
     * may not analyze them, and the planner would otherwise guess from none).
     */
    private static void analyze(String... tables) {
        TestDatabase.Target database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("analyze " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not analyze the generated tables", e);
        }
    }
}
