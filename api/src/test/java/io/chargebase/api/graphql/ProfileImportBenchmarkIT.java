package io.chargebase.api.graphql;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chargebase.api.support.IntegrationTest;

/**
 * Prints how long importing 100,000 profiles takes through the API (parse, validate, write). Not part of the test
 * run: {@code ./mvnw -B -pl api -am -Pbenchmark verify -Dit.test=ProfileImportBenchmarkIT}.
 */
class ProfileImportBenchmarkIT extends IntegrationTest {

    @Test
    void importsAHundredThousandProfiles() {
        String admin = tokenOf(aTenant());
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String fleet = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet"))
                .path("organisationUnit").path("id").asString();
        mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", fleet, "name", "North"));
        String csv = ProfileImportIT.rows(100_000, Map.of());
        long start = System.nanoTime();
        int imported = mutate(admin, "tenant-portal/ImportProfiles", Map.of("csv", csv)).path("imported").asInt();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%nBENCHMARK profile import: %,d rows in %,d ms (%,.0f rows/s), %,d bytes of CSV%n%n",
                imported, millis, imported * 1000.0 / Math.max(1, millis), csv.length());
    }
}
