package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;

/**
 * Sessions from a simulated OCPP 1.6 charger priced end to end (issue 12, "Pricing that is wrong today"): a session that
 * crosses a boundary of its tariff (time of day, weekday, date, a kWh or a duration threshold) is cut into charging
 * periods there, the energy register interpolated between the readings around the cut, and each side pays its own
 * rate; power levels are chosen by the session's average power, as the driver's estimate is; the idle fee's grace
 * counts from the end of charging. Every total is compared with a figure computed by hand in the comment above it.
 * Sessions lie in the recent past (a CDR never ends in the future) in the location's zone, Europe/Amsterdam, so each
 * test places its boundary an hour or more before now.
 */
class SessionPricingIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String CARD = "04A1B2C3D4E5F6";
    private static final String EVSE_ID = "NL*CBS*E0001*1";

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /** A tenant whose one tariff (the active plan's default) prices its one charger, and a driver with a card. */
    private record Site(TestTenant tenant, String admin, String driver, String secret) {
    }

    /** A register reading {@code minutes} after the session's start. */
    private record Reading(int minutes, long wh) {
    }

    private Site aSite(Map<String, Object> pricing) {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        JsonNode created = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Under test", "pricing", pricing));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", created.path("tariff").path("id").asString(),
                "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "PRICING-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse(EVSE_ID))));
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
        return new Site(tenant, admin, driver, registered.path("chargerSecret").asString());
    }

    /** Runs a session over OCPP and returns its MSP CDR's total excl. VAT (tariffs here have no VAT). */
    private String charge(Site site, Instant start, int minutes, long meterStopWh, Reading... readings) {
        int transaction;
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + site.tenant().tenant().slug() + "/",
                "PRICING-CP-1", site.secret()).join()) {
            assertThat(call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                    .path("status").asString()).isEqualTo("Accepted");
            call(charger, "StatusNotification", Simulate.status(1, "Charging", start.toString()));
            JsonNode started = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD)
                    .put("meterStart", 0).put("timestamp", start.toString()));
            assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
            transaction = started.path("transactionId").asInt();
            long previous = 0;
            int previousMinute = 0;
            for (Reading reading : readings) {
                // the power the car drew since the previous reading, as a charger reports it with the register
                long watts = reading.minutes() == previousMinute ? 0 : (reading.wh() - previous) * 60 / (reading.minutes() - previousMinute);
                call(charger, "MeterValues", Simulate.meterValues(1, transaction, start.plus(Duration.ofMinutes(reading.minutes())),
                        BigDecimal.valueOf(reading.wh()), BigDecimal.valueOf(watts), 50));
                previous = reading.wh();
                previousMinute = reading.minutes();
            }
            JsonNode stopped = call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("idTag", CARD)
                    .put("meterStop", meterStopWh).put("timestamp", start.plus(Duration.ofMinutes(minutes)).toString()).put("reason", "EVDisconnected"));
            assertThat(stopped.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
            call(charger, "StatusNotification", Simulate.status(1, "Available", SimulatedCharger.now()));
        }
        JsonNode cdr = mspCdr(site, "TX-" + transaction + "-1");
        assertThat(cdr.path("totalEnergyKwh").asString()).isEqualTo(new BigDecimal(meterStopWh).movePointLeft(3).setScale(4).toPlainString());
        return cdr.path("totalCost").path("exclVat").asString();
    }

    private JsonNode mspCdr(Site site, String number) {
        JsonNode edges = graphQl().document(site.admin(), "tenant-portal/MspCdrs", Map.of("first", 50)).data().path("mspCdrs").path("edges");
        List<String> numbers = new ArrayList<>();
        for (JsonNode edge : edges) {
            numbers.add(edge.path("node").path("cdrNumber").asString());
            if (edge.path("node").path("cdrNumber").asString().equals(number)) {
                return edge.path("node");
            }
        }
        throw new AssertionError("No MSP CDR " + number + " among " + numbers);
    }

    private static Map<String, Object> ocpi(String elements) {
        return Map.of("kind", "OCPI", "ocpiJson", "{\"currency\": \"EUR\", \"elements\": [" + elements + "]}");
    }

    /** The latest local midnight at least 40 minutes ago, so that a session from 30 minutes before to 30 after it has ended. */
    private static ZonedDateTime aRecentMidnight() {
        return ZonedDateTime.now(AMSTERDAM).minusMinutes(40).truncatedTo(ChronoUnit.DAYS);
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    @Test
    void aSessionAcrossTheDayNightSwitchPaysEachSideItsRate() {
        // the switch to day an hour or two ago, to night twelve hours later; 0.20/kWh at night, 0.40 by day
        ZonedDateTime switchToDay = ZonedDateTime.now(AMSTERDAM).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Site site = aSite(Map.of("kind", "TIME_OF_DAY", "dayStartsAt", switchToDay.format(hhmm), "nightStartsAt", switchToDay.plusHours(12).format(hhmm),
                "pricePerKwh", "0.40", "nightPricePerKwh", "0.20", "vatPercent", "0"));
        // 30 minutes before to 30 after the switch; 2 kWh 10 minutes before it, 6 kWh 10 minutes after: 4 kWh at the
        // switch (interpolated). 4 × 0.20 + 6 × 0.40 = 0.80 + 2.40 = 3.20 (the whole session at the night rate: 2.00)
        String total = charge(site, switchToDay.minusMinutes(30).toInstant(), 60, 10_000, new Reading(20, 2_000), new Reading(40, 6_000));
        assertThat(total).isEqualTo("3.2000");
    }

    @Test
    void aSessionAcrossMidnightIntoAnotherWeekdayPaysEachSideItsRate() {
        ZonedDateTime midnight = aRecentMidnight();
        Site site = aSite(ocpi("{\"price_components\": [{\"type\": \"ENERGY\", \"price\": 0.50, \"step_size\": 1}], \"restrictions\": {\"day_of_week\": [\""
                + midnight.getDayOfWeek() + "\"]}}, {\"price_components\": [{\"type\": \"ENERGY\", \"price\": 0.30, \"step_size\": 1}]}"));
        // 1.5 kWh at 23:45, 4.5 at 00:15: 3 kWh at midnight. 3 × 0.30 + 3 × 0.50 = 2.40 (all at the earlier day's: 1.80)
        String total = charge(site, midnight.minusMinutes(30).toInstant(), 60, 6_000, new Reading(15, 1_500), new Reading(45, 4_500));
        assertThat(total).isEqualTo("2.4000");
    }

    @Test
    void aSessionAcrossTheStartDateOfAnElementPaysEachSideItsRate() {
        ZonedDateTime midnight = aRecentMidnight();
        Site site = aSite(ocpi("{\"price_components\": [{\"type\": \"ENERGY\", \"price\": 0.50, \"step_size\": 1}], \"restrictions\": {\"start_date\": \""
                + midnight.toLocalDate() + "\"}}, {\"price_components\": [{\"type\": \"ENERGY\", \"price\": 0.30, \"step_size\": 1}]}"));
        // as across a weekday: 3 kWh before midnight at 0.30, 3 after at 0.50 = 2.40
        String total = charge(site, midnight.minusMinutes(30).toInstant(), 60, 6_000, new Reading(15, 1_500), new Reading(45, 4_500));
        assertThat(total).isEqualTo("2.4000");
    }

    @Test
    void aSessionCrossingAKwhThresholdPaysItsTimeOnEachSideAtItsRate() {
        // charging time costs 1.00/h for the first 5 kWh, 4.00/h after
        Site site = aSite(ocpi("{\"price_components\": [{\"type\": \"TIME\", \"price\": 1.00, \"step_size\": 1}], \"restrictions\": {\"max_kwh\": 5}},"
                + " {\"price_components\": [{\"type\": \"TIME\", \"price\": 4.00, \"step_size\": 1}]}"));
        // 2 kWh at 20 minutes, 8 at 40: 5 kWh at 30 minutes. 0.5 h × 1.00 + 0.5 h × 4.00 = 2.50 (all at 1.00: 1.00)
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        assertThat(charge(site, start, 60, 10_000, new Reading(20, 2_000), new Reading(40, 8_000))).isEqualTo("2.5000");
    }

    @Test
    void aSessionCrossingADurationThresholdPaysItsEnergyOnEachSideAtItsRate() {
        // energy costs 0.20/kWh during the first 30 minutes of a session, 0.60 after
        Site site = aSite(ocpi("{\"price_components\": [{\"type\": \"ENERGY\", \"price\": 0.20, \"step_size\": 1}], \"restrictions\": {\"max_duration\": 1800}},"
                + " {\"price_components\": [{\"type\": \"ENERGY\", \"price\": 0.60, \"step_size\": 1}]}"));
        // 1 kWh at 10 minutes, 9 at 50: 5 kWh at 30 minutes. 5 × 0.20 + 5 × 0.60 = 4.00 (all at 0.20: 2.00)
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        assertThat(charge(site, start, 60, 10_000, new Reading(10, 1_000), new Reading(50, 9_000))).isEqualTo("4.0000");
        // the driver's estimate of 10 kWh in an hour (charged evenly) is cut at the same 30 minutes: 4.00, not 2.00
        JsonNode estimate = graphQl().document(site.driver(), "driver-app/EvsePrice", Map.of("evseId", EVSE_ID, "energyKwh", "10",
                "durationMinutes", 60, "startAt", start.toString())).data().path("evsePrice").path("estimate");
        assertThat(new BigDecimal(estimate.path("total").path("exclVat").asString())).isEqualByComparingTo("4.00");
    }

    @Test
    void powerLevelsAreChosenByTheSessionsAveragePowerAsTheDriversEstimateIs() {
        // the manual's levels: up to 11 kW 0.10/min, up to 22 kW 0.15/min
        Site site = aSite(Map.of("kind", "POWER_LEVELS", "vatPercent", "0", "powerLevels", List.of(
                Map.of("maxAverageKw", "11", "pricePerMinute", "0.10"), Map.of("maxAverageKw", "22", "pricePerMinute", "0.15"))));
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        // 14 kWh in 42 minutes (20 kW), a 5-minute pause (parking), 2.5 kWh in 18 minutes (8.3 kW): two charging periods.
        // The session averages 16.5 kWh over 1 h of charging = 16.5 kW: 60 × 0.15 = 9.00 (per period: 42 × 0.15 + 18 × 0.10 = 8.10)
        assertThat(charge(site, start, 65, 16_500, new Reading(42, 14_000), new Reading(47, 14_000))).isEqualTo("9.0000");
        JsonNode estimate = graphQl().document(site.driver(), "driver-app/EvsePrice", Map.of("evseId", EVSE_ID, "energyKwh", "16.5",
                "durationMinutes", 60, "startAt", start.toString())).data().path("evsePrice").path("estimate");
        assertThat(new BigDecimal(estimate.path("total").path("exclVat").asString())).isEqualByComparingTo("9.00");

        // exactly 11 kW on average (11 kWh in an hour) pays the level that ends at 11 kW: 60 × 0.10 = 6.00
        assertThat(charge(site, start.plus(Duration.ofMinutes(70)), 60, 11_000, new Reading(30, 5_500))).isEqualTo("6.0000");
    }

    @Test
    void theIdleFeesGraceCountsFromTheEndOfCharging() {
        // 0.30/kWh, idle fee 0.10/min after 30 minutes of grace
        Site site = aSite(Map.of("kind", "DURATION_ENERGY", "pricePerKwh", "0.30", "idleFeePerMinute", "0.10", "idleGraceMinutes", 30,
                "vatPercent", "0"));
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        // 20 kWh in the first 20 minutes, then the register stands still for 40: parked 40 minutes, 30 of them grace.
        // 20 × 0.30 + 10 × 0.10 = 7.00 (grace from plug-in: 30 paid minutes, 9.00)
        assertThat(charge(site, start, 60, 20_000, new Reading(20, 20_000), new Reading(30, 20_000))).isEqualTo("7.0000");
    }

    @Test
    void cpoCdrsWhoseVolumesDoNotFitTheSessionAreRefusedNamingTheField() {
        Site site = aSite(Map.of("kind", "POWER_LEVELS", "vatPercent", "0", "powerLevels", List.of(
                Map.of("maxAverageKw", "11", "pricePerMinute", "0.10"), Map.of("maxAverageKw", "22", "pricePerMinute", "0.15"))));
        String start = "2026-11-20T10:00:00Z";
        String end = "2026-11-20T11:00:00Z";
        // a 1 h session billed 1.5 h, or 5 h
        JsonNode longer = record(site, "CDR-LONG", start, end, List.of(period(start, "ENERGY", "10", "TIME", "1.5")));
        assertThat(error(longer, "code")).isEqualTo("INVALID");
        assertThat(longer.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"chargingPeriods\",\"0\",\"dimensions\",\"1\",\"volume\"]");
        assertThat(error(record(site, "CDR-FIVE", start, end, List.of(period(start, "ENERGY", "10", "TIME", "5"))), "code")).isEqualTo("INVALID");
        // a period that measures nothing
        JsonNode empty = record(site, "CDR-EMPTY", start, end, List.of(period(start, "ENERGY", "10", "TIME", "0.5"),
                period("2026-11-20T10:30:00Z")));
        assertThat(error(empty, "code")).isEqualTo("REQUIRED");
        assertThat(empty.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"chargingPeriods\",\"1\",\"dimensions\"]");
        // a power-levels tariff given no charging time would rate to zero
        JsonNode noTime = record(site, "CDR-NOTIME", start, end, List.of(period(start, "ENERGY", "10")));
        assertThat(error(noTime, "code")).isEqualTo("REQUIRED");
        assertThat(error(noTime, "message")).contains("no TIME");
        // and a consistent one is rated: 10 kWh in 1 h is 10 kW, 60 × 0.10 = 6.00
        JsonNode rated = record(site, "CDR-OK", start, end, List.of(period(start, "ENERGY", "10", "TIME", "1")));
        assertThat(rated.path("userErrors")).as(rated.toString()).isEmpty();
        assertThat(rated.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("6.0000");
        assertThat(graphQl().document(site.admin(), "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs").path("totalCount").asInt())
                .as("nothing refused was recorded").isEqualTo(1);
    }

    private static Map<String, Object> period(String start, Object... dimensions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < dimensions.length; i += 2) {
            list.add(Map.of("type", dimensions[i], "volume", dimensions[i + 1]));
        }
        return Map.of("startAt", start, "dimensions", list);
    }

    private JsonNode record(Site site, String number, String start, String end, List<Map<String, Object>> periods) {
        Map<String, Object> input = new HashMap<>();
        input.put("cdrNumber", number);
        input.put("evseId", EVSE_ID);
        input.put("tokenUid", CARD);
        input.put("startAt", start);
        input.put("endAt", end);
        input.put("chargingPeriods", periods);
        return mutate(site.admin(), "tenant-portal/RecordCpoCdr", input);
    }

    private static String error(JsonNode payload, String field) {
        assertThat(payload.path("userErrors")).as(payload.toString()).isNotEmpty();
        return payload.path("userErrors").get(0).path(field).asString();
    }
}
