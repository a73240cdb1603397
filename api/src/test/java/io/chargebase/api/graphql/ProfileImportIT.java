package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.IntegrationTest;

class ProfileImportIT extends IntegrationTest {

    private String admin;

    private JsonNode importCsv(String csv, boolean allOrNothing) {
        return mutate(admin, "tenant-portal/ImportProfiles", Map.of("csv", csv, "allOrNothing", allOrNothing));
    }

    private int profileCount() {
        return graphQl().document(admin, "tenant-portal/Profiles", Map.of()).data().path("profiles").path("totalCount").asInt();
    }

    static String rows(int count, Map<Integer, String> replacements) {
        StringBuilder csv = new StringBuilder("name,email,phone,external_reference,organisation_unit\n");
        for (int i = 0; i < count; i++) {
            int row = i + 2;
            csv.append(replacements.getOrDefault(row, "Driver " + i + ",driver" + i + "@fleet.example,+3120555" + String.format("%04d", i % 10000)
                    + ",EXT-" + i + ",Fleet/North")).append('\n');
        }
        return csv.toString();
    }

    private void aTree() {
        admin = tokenOf(aTenant());
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String fleet = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet"))
                .path("organisationUnit").path("id").asString();
        mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", fleet, "name", "North"));
    }

    @Test
    void threeBadRowsOutOfTenThousandKeepTheFileOutAndAreNamed() {
        aTree();
        String csv = rows(10_000, Map.of(
                5, "Bad Mail,not-an-address,,,Fleet/North",
                100, "Lost,lost@fleet.example,,,Fleet/South",
                9_999, "Twin,driver0@fleet.example,,,Fleet"));
        JsonNode report = importCsv(csv, true);
        assertThat(report.path("imported").asInt()).isZero();
        assertThat(report.path("rowErrors")).hasSize(3);
        assertThat(report.path("rowErrors").get(0).path("row").asInt()).isEqualTo(5);
        assertThat(report.path("rowErrors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(report.path("rowErrors").get(1).path("row").asInt()).isEqualTo(100);
        assertThat(report.path("rowErrors").get(1).path("field").asString()).isEqualTo("organisation_unit");
        assertThat(report.path("rowErrors").get(2).path("row").asInt()).isEqualTo(9_999);
        assertThat(profileCount()).as("nothing half-imported").isZero();

        JsonNode partial = importCsv(csv, false);
        assertThat(partial.path("imported").asInt()).isEqualTo(9_997);
        assertThat(partial.path("rowErrors")).hasSize(3);
        assertThat(profileCount()).isEqualTo(9_997);
        JsonNode placed = graphQl().document(admin, "tenant-portal/Profiles", Map.of("filter", Map.of("text", "driver7@fleet.example")))
                .data().path("profiles").path("edges").get(0).path("node");
        assertThat(placed.path("organisationUnit").path("name").asString()).isEqualTo("North");
        assertThat(placed.path("phone").asString()).isEqualTo("+31205550007");
    }

    @Test
    void aWrongHeaderOrEncodingIsAClearErrorForTheWholeFile() {
        aTree();
        JsonNode header = importCsv("full_name,email\nX,x@example.com\n", true);
        assertThat(header.path("userErrors").get(0).path("message").asString()).contains("full_name");
        assertThat(header.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"csv\"]");
        JsonNode quotes = importCsv("name,email\n\"X,x@example.com\n", true);
        assertThat(quotes.path("userErrors")).isNotEmpty();
        assertThat(importCsv("name,email\nRoot Person,root@example.com\n", true).path("imported").asInt()).isEqualTo(1);
        assertThat(profileCount()).isEqualTo(1);
    }

    @Test
    void anyListQueryExportsAsCsvWithTheCallersRights() {
        aTree();
        importCsv("name,email,organisation_unit\nNora Jansen,nora@example.com,Fleet/North\n\"=HYPERLINK(1)\",formula@example.com,\n", true);
        io.chargebase.api.support.GraphQl export = new io.chargebase.api.support.GraphQl(baseUrl(), "/graphql/csv");
        var csv = export.document(admin, "tenant-portal/Profiles", Map.of("first", 100));
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,name,email,phone,status,externalReference,organisationUnit.id,organisationUnit.name");
        assertThat(lines).hasSize(3);
        assertThat(csv.raw()).contains("Nora Jansen,nora@example.com").contains(",North").contains("\"'=HYPERLINK(1)\"");

        var anonymous = export.document(null, "tenant-portal/Profiles", Map.of());
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.raw()).contains("UNAUTHENTICATED");
        var other = export.document(tokenOf(aTenant()), "tenant-portal/Profiles", Map.of());
        assertThat(other.raw()).doesNotContain("nora@example.com");
        assertThat(export.document(admin, "tenant-portal/CurrentTenant", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void existingAddressesAreRowErrors() {
        aTree();
        importCsv("name,email\nFirst,first@example.com\n", true);
        JsonNode again = importCsv("name,email\nFirst again,FIRST@example.com\n", true);
        assertThat(again.path("rowErrors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(List.of(again.path("imported").asInt())).containsExactly(0);
    }
}
