package io.chargebase.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

import io.chargebase.domain.rating.json.OcpiCdrJson;
import io.chargebase.domain.rating.json.OcpiTariffJson;

/**
 * Every priced OCPI vector in the shared reference data, discovered as it lies: each tandemdrive case folder's
 * {@code cdr*.json} against its {@code tariff.json}, the spec's {@code cdr_example.json}, and the codeberg-derived
 * extras. Expected values are each CDR's own totals at 4 decimals (absent totals are zero), except where noted.
 */
class OcpiTestVectorsTest {

    private static final RatingEngine ENGINE = new RatingEngine();
    private static final Path OCPI = ReferenceData.ocpi();

    /** A tariff and CDR to rate, in a time zone, against the totals in {@code expected}. */
    record Vector(Path tariff, Path cdr, ZoneId zone, JsonNode expected) {
    }

    static Stream<Arguments> tandemdriveVectors() throws IOException {
        List<Arguments> vectors = new ArrayList<>();
        try (Stream<Path> cases = Files.list(ReferenceData.existing(OCPI.resolve("tandemdrive-test_data")))) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path cdr : files.filter(f -> f.getFileName().toString().matches("cdr.*\\.json")).sorted().toList()) {
                        JsonNode expected = ReferenceData.json(cdr);
                        String name = dir.getFileName() + "/" + cdr.getFileName().toString().replace(".json", "");
                        vectors.add(Arguments.of(Named.of(name, new Vector(dir.resolve("tariff.json"), cdr, ZoneOffset.UTC, expected))));
                    }
                }
            }
        }
        assertThat(vectors).as("tandemdrive CDR vectors").hasSize(9);
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tandemdriveVectors")
    void tandemdriveCdrTotals(Vector vector) {
        JsonNode cdr = ReferenceData.json(vector.cdr());
        Rating rating = ENGINE.rate(OcpiTariffJson.parse(ReferenceData.read(vector.tariff())), OcpiCdrJson.ratingInput(cdr, vector.zone()));

        if (vector.cdr().endsWith(Path.of("025kwh_min_price", "cdr2_less_than_2kWh.json"))) {
            // The CDR says 0.30 / 0.33, but its tariff has min_price 0.50 / 0.55, and OCPI 2.2.1 says the session costs
            // at least that (mod_tariffs.asciidoc lines 274 and 287-290). The engine the vector came from read min_price
            // without applying it (shared/reference/MANIFEST.txt, ocpi/ caveat). We follow the spec for the total and the
            // vector for the energy line, which min_price does not change.
            assertThat(rating.totalCost().atScale(4)).isEqualTo(Price.of("0.5000", "0.5500"));
            assertThat(rating.energy().cost().atScale(4)).isEqualTo(Price.of("0.3000", "0.3300"));
            return;
        }
        assertCdrTotals(rating, cdr);
    }

    @Test
    void specCdrExample() {
        // OCPI's own priced CDR: TIME 2.00/h with step_size 300; 1.973 h is billed as 2 h: 4.00 / 4.40.
        JsonNode cdr = ReferenceData.json(OCPI.resolve("spec-2.2.1/examples/cdr_example.json"));
        Rating rating = ENGINE.rate(OcpiCdrJson.tariffs(cdr).getFirst(), OcpiCdrJson.ratingInput(cdr, ZoneOffset.UTC));

        assertCdrTotals(rating, cdr);
        assertThat(rating.time().billedQuantity()).isEqualByComparingTo("2");
    }

    @Test
    void stepSizeWithLocalOffsetTimestamps() {
        // The codeberg-derived case is the step_size case with +01:00 timestamps; it has no tariff file of its own, as
        // upstream it shares the step_size tariff. The local time is the timestamps' offset: 16:55 is local.
        Path cdrFile = OCPI.resolve("codeberg-derived-extra/step_size_local_offset/cdr1.json");
        JsonNode cdr = ReferenceData.json(cdrFile);
        ZoneOffset offset = OffsetDateTime.parse(cdr.get("start_date_time").stringValue()).getOffset();
        Tariff tariff = OcpiTariffJson.parse(ReferenceData.read(OCPI.resolve("tandemdrive-test_data/step_size/tariff.json")));

        Rating rating = ENGINE.rate(tariff, OcpiCdrJson.ratingInput(cdr, offset));

        assertThat(offset).isEqualTo(ZoneOffset.ofHours(1));
        assertCdrTotals(rating, cdr);
    }

    @Test
    void codebergIssue228HourlyPricesInLocalTime() {
        // The CDR's tariff has hourly energy prices in local time and its periods start 20 minutes before the CDR
        // does. The expected output (2 decimals, as strings) follows only in the location's time zone: the location is
        // in NLD, so Europe/Amsterdam (UTC would give 1.88). The CDR's own 1.83 is the CPO's rounding; we use the
        // reference output. The session is taken to start with its first period.
        Path dir = OCPI.resolve("codeberg-derived-extra/codeberg_issue_228");
        JsonNode cdr = ReferenceData.json(dir.resolve("cdr.json"));
        JsonNode expected = ReferenceData.json(dir.resolve("output_price__cdr.json")).get("cdr_price");

        Rating rating = ENGINE.rate(OcpiCdrJson.tariffs(cdr).getFirst(), OcpiCdrJson.ratingInput(cdr, ZoneId.of("Europe/Amsterdam")));

        assertThat(rating.totalCost().atScale(2)).isEqualTo(price(expected.get("total_cost"), 2));
        assertThat(rating.energy().cost().atScale(2)).isEqualTo(price(expected.get("total_energy_cost"), 2));
        assertThat(rating.totalEnergy()).isEqualByComparingTo("8.262");
    }

    static Stream<Path> tariffFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(OCPI)) {
            all.filter(f -> f.getFileName().toString().matches("tariff.*\\.json")).sorted().forEach(files::add);
        }
        assertThat(files).as("tariff JSON files").hasSizeGreaterThanOrEqualTo(24 + 21 + 1);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tariffFiles")
    void everyTariffParsesAndRoundTrips(Path file) {
        assertThatCode(() -> {
            Tariff tariff = OcpiTariffJson.parse(ReferenceData.read(file));
            assertThat(OcpiTariffJson.parse(OcpiTariffJson.write(tariff))).isEqualTo(tariff);
        }).doesNotThrowAnyException();
    }

    private static void assertCdrTotals(Rating rating, JsonNode cdr) {
        assertThat(rating.totalCost().atScale(4)).as("total_cost").isEqualTo(price(cdr.get("total_cost"), 4));
        assertThat(rating.energy().cost().atScale(4)).as("total_energy_cost").isEqualTo(price(cdr.get("total_energy_cost"), 4));
        assertThat(rating.time().cost().atScale(4)).as("total_time_cost").isEqualTo(price(cdr.get("total_time_cost"), 4));
        assertThat(rating.parkingTime().cost().atScale(4)).as("total_parking_cost").isEqualTo(price(cdr.get("total_parking_cost"), 4));
        assertThat(rating.flat().cost().atScale(4)).as("total_fixed_cost").isEqualTo(price(cdr.get("total_fixed_cost"), 4));
        assertThat(rating.reservation().cost().atScale(4)).as("total_reservation_cost").isEqualTo(price(cdr.get("total_reservation_cost"), 4));
        if (cdr.has("total_parking_time")) {
            assertThat(rating.totalParkingTime()).as("total_parking_time").isEqualByComparingTo(cdr.get("total_parking_time").decimalValue());
        }
    }

    /** An OCPI Price as numbers or (in the codeberg outputs) strings; absent means nothing was charged. */
    private static Price price(JsonNode node, int scale) {
        if (node == null || node.isNull()) {
            return Price.ZERO.atScale(scale);
        }
        return new Price(amount(node.get("excl_vat")), amount(node.get("incl_vat"))).atScale(scale);
    }

    private static BigDecimal amount(JsonNode value) {
        return value.isString() ? new BigDecimal(value.stringValue()) : value.decimalValue().setScale(8, RoundingMode.UNNECESSARY);
    }
}
