package io.chargebase.api.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargerEvents.MeterSample;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.ChargingSweeper;
import io.chargebase.domain.charging.CommunicationLog;
import io.chargebase.domain.charging.SessionRated;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/** The charging flow as a charger drives it through the ChargerEvents port, and what GraphQL shows of it. */
@RecordApplicationEvents
class ChargingIT extends IntegrationTest {

    private static final String CARD = "04A1B2C3D4E5F6";

    @Autowired
    ChargerEvents events;

    @Autowired
    ChargingSweeper sweeper;

    @Autowired
    CommunicationLog communicationLog;

    @Autowired
    ChargingSessions sessions;

    @Autowired
    ChargePoints chargePoints;

    @Autowired
    ApplicationEvents published;

    private TestTenant tenant;
    private TenantId tenantId;
    private String admin;
    private String fleetUnit;
    private String driverProfile;
    private String chargePoint;
    private ChargerRef charger;
    private ChargerRef otherCharger;
    private Instant t0;

    @BeforeEach
    void tenantWithTwoChargersADriverAndAPlan() {
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1"), AssetFixtures.anAcEvse("NL*CBS*E0001*2"))))
                .path("chargePoint").path("id").asString();
        String other = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-2",
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargePoint").path("id").asString();
        charger = new ChargerRef(tenantId, id(chargePoint), "CP-1");
        otherCharger = new ChargerRef(tenantId, id(other), "CP-2");
        fleetUnit = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet"))
                .path("organisationUnit").path("id").asString();
        driverProfile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", fleetUnit, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", driverProfile));
        // 1.00 connection fee, 0.30/kWh, 0.05/min (3.00/h), 21 % VAT
        JsonNode tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "pricePerMinute", "0.05", "vatPercent", "21")));
        JsonNode plan = mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan",
                "defaultTariffId", tariff.path("tariff").path("id").asString(), "activate", true));
        assertThat(plan.path("userErrors")).as(plan.toString()).isEmpty();
        t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static UUID id(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().id();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    private void run(Runnable work) {
        TenantContext.runAs(TenantScope.of(tenantId), work);
    }

    private Instant at(int minutes) {
        return t0.plusSeconds(minutes * 60L);
    }

    private static MeterSample energy(Instant at, long wh) {
        return new MeterSample(at, io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(wh), "Sample.Periodic", "Outlet");
    }

    private ChargerEvents.Started start(ChargerRef on, int connector, String idTag, long meterStart, Instant at) {
        return as(() -> events.startTransaction(on, new ChargerEvents.TransactionStart(connector, idTag, meterStart, at, null)));
    }

    private ChargerEvents.IdTagInfo stop(int transactionId, long meterStop, Instant at, List<MeterSample> data) {
        return as(() -> events.stopTransaction(charger, new ChargerEvents.TransactionStop(transactionId, CARD, meterStop, at, io.chargebase.domain.charging.StopReason.LOCAL, data)));
    }

    private void meter(Integer transactionId, MeterSample... samples) {
        run(() -> events.meterValues(charger, 1, transactionId, List.of(samples)));
    }

    private JsonNode sessionsList(String token, Map<String, Object> variables) {
        return graphQl().document(token, "tenant-portal/ChargingSessions", variables).data().path("chargingSessions");
    }

    private JsonNode onlySession() {
        JsonNode list = sessionsList(admin, Map.of());
        assertThat(list.path("totalCount").asInt()).as(list.toString()).isEqualTo(1);
        return list.path("edges").get(0).path("node");
    }

    private String typeOfPeriod(JsonNode period) {
        List<String> types = new ArrayList<>();
        period.path("dimensions").forEach(d -> types.add(d.path("type").asString() + "=" + new BigDecimal(d.path("volume").asString()).stripTrailingZeros().toPlainString()));
        return String.join(",", types);
    }

    @Test
    void bootHeartbeatStatusesAndTheirHistoryAndTheCommunicationLog() {
        run(() -> events.connected(charger, "10.0.0.7:53122", "ocpp1.6"));
        ChargerEvents.Boot boot = as(() -> events.boot(charger, new ChargerEvents.BootInfo("ACME", "Wallbox 22", "SN-1", "CB-1", "1.2.3",
                null, null, "M-1", "MSN-1")));
        assertThat(boot.status()).isEqualTo(ChargerEvents.RegistrationStatus.ACCEPTED);
        assertThat(boot.interval()).hasSeconds(300);
        assertThat(as(() -> events.heartbeat(charger))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
        Instant now = Instant.now();
        run(() -> events.status(charger, new ChargerEvents.ConnectorStatus(0, ChargerEvents.ConnectorUse.AVAILABLE, "Available", "NoError", null, now.minusSeconds(30), null, null)));
        run(() -> events.status(charger, new ChargerEvents.ConnectorStatus(1, ChargerEvents.ConnectorUse.AVAILABLE, "Available", "NoError", null, now.minusSeconds(20), null, null)));
        run(() -> events.status(charger, new ChargerEvents.ConnectorStatus(1, ChargerEvents.ConnectorUse.CHARGING, "Charging", "NoError", "plugged", now.minusSeconds(10), null, null)));
        run(() -> events.status(charger, new ChargerEvents.ConnectorStatus(2, ChargerEvents.ConnectorUse.FAULTED, "Faulted", "GroundFailure", null, now.minusSeconds(5), "ACME", "E42")));
        // a late notification joins the history but does not overwrite what is newer
        run(() -> events.status(charger, new ChargerEvents.ConnectorStatus(1, ChargerEvents.ConnectorUse.PREPARING, "Preparing", "NoError", null, now.minusSeconds(15), null, null)));

        JsonNode live = graphQl().document(admin, "tenant-portal/ChargePointLive", Map.of("id", chargePoint)).data().path("node");
        JsonNode connection = live.path("connection");
        assertThat(connection.path("networkStatus").asString()).isEqualTo("ONLINE");
        assertThat(connection.path("connected").asBoolean()).isTrue();
        assertThat(connection.path("remoteAddress").asString()).isEqualTo("10.0.0.7:53122");
        assertThat(connection.path("vendor").asString()).isEqualTo("ACME");
        assertThat(connection.path("firmwareVersion").asString()).isEqualTo("1.2.3");
        assertThat(connection.path("registration").asString()).isEqualTo("ACCEPTED");
        List<String> statuses = new ArrayList<>();
        live.path("connectorStatuses").forEach(s -> statuses.add(s.path("connectorId").asInt() + ":" + s.path("status").asString()));
        assertThat(statuses).containsExactly("0:Available", "1:Charging", "2:Faulted");
        Map<Integer, String> evseStatus = new HashMap<>();
        live.path("evses").forEach(e -> evseStatus.put(e.path("ocppNumber").asInt(), e.path("status").asString() + "/"
                + e.path("connectorStatus").path("status").asString()));
        assertThat(evseStatus).containsEntry(1, "CHARGING/Charging").containsEntry(2, "OUTOFORDER/Faulted");

        JsonNode history = graphQl().document(admin, "tenant-portal/ChargePointStatusHistory", Map.of("id", chargePoint, "first", 3))
                .data().path("node").path("statusHistory");
        assertThat(history.path("edges")).hasSize(3);
        assertThat(history.path("edges").get(0).path("node").path("status").asString()).isEqualTo("Preparing");
        assertThat(history.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode rest = graphQl().document(admin, "tenant-portal/ChargePointStatusHistory", Map.of("id", chargePoint, "first", 3,
                "after", history.path("pageInfo").path("endCursor").asString())).data().path("node").path("statusHistory");
        assertThat(rest.path("edges")).hasSize(2);
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        events.frame(charger, ChargerEvents.FrameDirection.IN, "Heartbeat", "m-1", "[2,\"m-1\",\"Heartbeat\",{}]", now.minusSeconds(2));
        events.frame(charger, ChargerEvents.FrameDirection.OUT, null, "m-1", "[3,\"m-1\",{}]", now.minusSeconds(1));
        events.frame(charger, ChargerEvents.FrameDirection.IN, "DataTransfer", "m-2", "x".repeat(20_000), now);
        communicationLog.flush();
        JsonNode log = graphQl().document(admin, "tenant-portal/CommunicationLog", Map.of("id", chargePoint, "first", 2))
                .data().path("node").path("communicationLog");
        assertThat(log.path("edges")).hasSize(2);
        assertThat(log.path("edges").get(0).path("node").path("action").asString()).isEqualTo("DataTransfer");
        assertThat(log.path("edges").get(0).path("node").path("truncated").asBoolean()).isTrue();
        assertThat(log.path("edges").get(0).path("node").path("text").asString()).hasSize(8192);
        assertThat(log.path("edges").get(1).path("node").path("direction").asString()).isEqualTo("OUT");
        assertThat(log.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(communicationLog.dropped()).isZero();

        run(() -> events.disconnected(charger));
        run(() -> chargePoints.setStatus(charger.chargePointId(), AssetTypes.ChargePointStatus.DISABLED));
        // issue 12 item 10: a DISABLED charger is accepted (it is monitored and commanded) and refused only charging
        assertThat(as(() -> events.boot(charger, new ChargerEvents.BootInfo("ACME", "Wallbox 22", null, null, null, null, null, null, null)))
                .status()).isEqualTo(ChargerEvents.RegistrationStatus.ACCEPTED);
        assertThat(as(() -> events.dataTransfer(charger, "ACME", "x", "y")).status()).isEqualTo(ChargerEvents.DataTransferStatus.UNKNOWN_VENDOR_ID);
        run(() -> events.firmwareStatus(charger, "Downloaded"));
        run(() -> events.diagnosticsStatus(charger, "Uploaded"));
        JsonNode after = graphQl().document(admin, "tenant-portal/ChargePointLive", Map.of("id", chargePoint)).data().path("node").path("connection");
        assertThat(after.path("connected").asBoolean()).isFalse();
        assertThat(after.path("firmwareStatus").asString()).isEqualTo("Downloaded");
        assertThat(after.path("diagnosticsStatus").asString()).isEqualTo("Uploaded");
    }

    @Test
    void authorizeAnswersEachStatus() throws InterruptedException {
        assertThat(as(() -> events.authorize(charger, "DEADBEEF99")).status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(as(() -> events.authorize(charger, "not hex at all")).status()).isEqualTo(AuthorizationStatus.INVALID);
        ChargerEvents.IdTagInfo accepted = as(() -> events.authorize(charger, CARD));
        assertThat(accepted.status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(accepted.parentIdTag()).startsWith("P");

        String blocked = mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0A0B0C0D", "type", "RFID")).path("token").path("id").asString();
        mutate(admin, "tenant-portal/BlockToken", Map.of("tokenId", blocked, "reason", "lost"));
        assertThat(as(() -> events.authorize(charger, "0A0B0C0D")).status()).isEqualTo(AuthorizationStatus.BLOCKED);

        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0A0B0C0E", "type", "RFID", "expiresAt", Instant.now().plusSeconds(2).toString()));
        Thread.sleep(2_200);
        assertThat(as(() -> events.authorize(charger, "0A0B0C0E")).status()).isEqualTo(AuthorizationStatus.EXPIRED);

        // charging at CP-1 already: the card is refused at CP-2, and a start there still gets a transaction id
        ChargerEvents.Started first = start(charger, 1, CARD, 0, Instant.now().minusSeconds(60));
        assertThat(first.idTagInfo().status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(as(() -> events.authorize(otherCharger, CARD)).status()).isEqualTo(AuthorizationStatus.CONCURRENT_TX);
        ChargerEvents.Started second = start(otherCharger, 1, CARD, 0, Instant.now().minusSeconds(30));
        assertThat(second.idTagInfo().status()).isEqualTo(AuthorizationStatus.CONCURRENT_TX);
        assertThat(second.transactionId()).isNotEqualTo(first.transactionId());
        ChargerEvents.Started unknown = start(otherCharger, 1, "DEADBEEF99", 0, Instant.now().minusSeconds(20));
        assertThat(unknown.idTagInfo().status()).isEqualTo(AuthorizationStatus.INVALID);

        List<String> statuses = new ArrayList<>();
        sessionsList(admin, Map.of()).path("edges").forEach(e -> statuses.add(e.path("node").path("status").asString() + "/"
                + e.path("node").path("authorization").asString()));
        // the swipe at CP-1 created a pending session that the start took over: three sessions in all
        assertThat(statuses).containsExactlyInAnyOrder("ACTIVE/ACCEPTED", "FAILED/CONCURRENT_TX", "FAILED/INVALID");
    }

    @Test
    void aSessionFromSwipeToStopIsRatedExactlyAndBillingIsTold() {
        assertThat(as(() -> events.authorize(charger, CARD)).status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(onlySession().path("status").asString()).isEqualTo("PENDING");
        ChargerEvents.Started started = start(charger, 1, CARD, 1_000, at(0));
        assertThat(started.idTagInfo().status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        int tx = started.transactionId();
        meter(tx, energy(at(30), 6_000), new MeterSample(at(30), io.chargebase.domain.charging.Measurand.POWER_ACTIVE_IMPORT, null, "kW", new BigDecimal("10"), "Sample.Periodic", null),
                new MeterSample(at(30), io.chargebase.domain.charging.Measurand.SOC, null, "Percent", new BigDecimal("50"), "Sample.Periodic", "EV"),
                new MeterSample(at(30), io.chargebase.domain.charging.Measurand.CURRENT_IMPORT, "L1", "A", new BigDecimal("16"), "Sample.Periodic", null));
        JsonNode active = onlySession();
        assertThat(active.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.path("energyWh").asDouble()).isEqualTo(5_000);
        assertThat(new BigDecimal(active.path("latestPowerW").asString())).isEqualByComparingTo("10000");
        assertThat(new BigDecimal(active.path("latestSocPercent").asString())).isEqualByComparingTo("50");
        meter(tx, energy(at(60), 11_000), energy(at(75), 11_000));
        stop(tx, 11_000, at(90), List.of(energy(at(0), 1_000), energy(at(90), 11_000)));

        JsonNode session = onlySession();
        assertThat(session.path("status").asString()).isEqualTo("FINISHED");
        assertThat(session.path("transactionId").asInt()).isEqualTo(tx);
        assertThat(session.path("energyWh").asDouble()).isEqualTo(10_000);
        assertThat(session.path("profile").path("id").asString()).isEqualTo(driverProfile);
        assertThat(session.path("incomplete").asBoolean()).isFalse();
        assertThat(session.path("ratingError").isNull()).as(session.toString()).isTrue();
        JsonNode periods = session.path("cpoCdr").path("chargingPeriods");
        assertThat(session.path("cpoCdr").path("cdrNumber").asString()).isEqualTo("TX-" + tx);
        assertThat(periods).hasSize(2);
        assertThat(typeOfPeriod(periods.get(0))).isEqualTo("ENERGY=10,TIME=1");
        assertThat(periods.get(1).path("startAt").asString()).isEqualTo(at(60).toString());
        assertThat(typeOfPeriod(periods.get(1))).isEqualTo("PARKING_TIME=0.5");
        // 1.00 + 10 kWh × 0.30 + 1 h × 3.00 = 7.00 excl. VAT, 8.47 incl.; parking is free in this tariff
        assertThat(session.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("7.0000");
        assertThat(session.path("mspCdr").path("totalCost").path("inclVat").asString()).isEqualTo("8.4700");

        JsonNode detail = graphQl().document(admin, "tenant-portal/ChargingSession", Map.of("id", session.path("id").asString())).data().path("node");
        // four samples at 30 min, two register readings later, two from the stop's transaction data
        assertThat(detail.path("meterValues")).hasSize(8);
        assertThat(detail.path("meterValues").get(0).path("sampledAt").asString()).isEqualTo(at(0).toString());

        List<SessionRated> rated = published.stream(SessionRated.class).toList();
        assertThat(rated).hasSize(1);
        assertThat(rated.getFirst().tenantId()).isEqualTo(tenantId);
        assertThat(GlobalId.encode("MspCdr", rated.getFirst().mspCdrId())).isEqualTo(session.path("mspCdr").path("id").asString());
    }

    @Test
    void replayedStartsAndStopsChangeNothing() {
        ChargerEvents.Started first = start(charger, 1, CARD, 500, at(0));
        ChargerEvents.Started again = start(charger, 1, CARD, 500, at(0));
        assertThat(again.transactionId()).isEqualTo(first.transactionId());
        assertThat(again.idTagInfo().status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        stop(first.transactionId(), 10_500, at(60), List.of());
        assertThat(stop(first.transactionId(), 10_500, at(60), List.of()).status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        JsonNode session = onlySession();
        assertThat(session.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("7.0000");
        assertThat(graphQl().document(admin, "tenant-portal/CpoCdrs", Map.of()).data().path("cpoCdrs").path("totalCount").asInt()).isEqualTo(1);
        assertThat(published.stream(SessionRated.class)).hasSize(1);
    }

    @Test
    void aStopWithoutStartIsKeptAsAnIncompleteRecord() {
        ChargerEvents.IdTagInfo answer = stop(4242, 12_000, at(60), List.of(energy(at(0), 2_000), energy(at(60), 12_000)));
        assertThat(answer.status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        stop(4242, 12_000, at(60), List.of(energy(at(0), 2_000), energy(at(60), 12_000)));
        JsonNode session = onlySession();
        assertThat(session.path("status").asString()).isEqualTo("FINISHED");
        assertThat(session.path("transactionId").isNull()).isTrue();
        assertThat(session.path("reportedTransactionId").asInt()).isEqualTo(4242);
        assertThat(session.path("incomplete").asBoolean()).isTrue();
        assertThat(session.path("incompleteReason").asString()).contains("never started");
        assertThat(session.path("startedAt").asString()).isEqualTo(at(0).toString());
        assertThat(session.path("energyWh").asDouble()).isEqualTo(10_000);
        assertThat(session.path("ratingError").asString()).contains("start");
        assertThat(session.path("cpoCdr").isNull()).isTrue();
        assertThat(session.path("profile").path("id").asString()).isEqualTo(driverProfile);
    }

    @Test
    void meterValuesOutOfOrderDuplicatedNegativeOrDecreasingAreSortedOutPerSample() {
        int tx = start(charger, 1, CARD, 1_000, at(0)).transactionId();
        meter(tx, energy(at(60), 7_000));
        meter(tx, energy(at(30), 4_000));
        meter(tx, energy(at(60), 7_000), energy(at(30), 4_000));
        // below the reading before it, above the one after it, negative: refused, the good sample beside them kept
        meter(tx, energy(at(45), 3_000), energy(at(40), 7_500),
                new MeterSample(at(50), io.chargebase.domain.charging.Measurand.POWER_ACTIVE_IMPORT, null, "W", new BigDecimal("-5"), null, null),
                new MeterSample(at(50), io.chargebase.domain.charging.Measurand.POWER_ACTIVE_IMPORT, null, "W", new BigDecimal("7400"), null, null));
        // within one message the readings are checked against each other too: in time order (the newest, checked against
        // the session's newest) and late (checked against the stored readings around them)
        meter(tx, energy(at(70), 8_000), energy(at(80), 7_900));
        meter(tx, energy(at(35), 5_000), energy(at(38), 4_500));
        // meter values of no transaction are kept on the connector
        run(() -> events.meterValues(charger, 2, null, List.of(energy(at(10), 123))));
        stop(tx, 9_000, at(90), List.of());

        JsonNode session = onlySessionWithTransaction(tx);
        JsonNode values = graphQl().document(admin, "tenant-portal/ChargingSession", Map.of("id", session.path("id").asString()))
                .data().path("node").path("meterValues");
        List<String> stored = new ArrayList<>();
        values.forEach(v -> stored.add(v.path("measurand").asString() + "@" + Instant.parse(v.path("sampledAt").asString()).getEpochSecond()
                + "=" + new BigDecimal(v.path("value").asString()).stripTrailingZeros().toPlainString()));
        assertThat(stored).containsExactly("Energy.Active.Import.Register@" + at(30).getEpochSecond() + "=4000",
                "Energy.Active.Import.Register@" + at(35).getEpochSecond() + "=5000",
                "Power.Active.Import@" + at(50).getEpochSecond() + "=7400", "Energy.Active.Import.Register@" + at(60).getEpochSecond() + "=7000",
                "Energy.Active.Import.Register@" + at(70).getEpochSecond() + "=8000");
        JsonNode periods = session.path("cpoCdr").path("chargingPeriods");
        assertThat(periods).hasSize(1);
        assertThat(typeOfPeriod(periods.get(0))).isEqualTo("ENERGY=8,TIME=1.5");
        // 1.00 + 8 × 0.30 + 1.5 × 3.00 = 7.90
        assertThat(session.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("7.9000");
    }

    @Test
    void meterValuesOfManyChargersAtOnceAreAllStoredEachSessionItsOwn() throws Exception {
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "C0FFEE01", "type", "RFID"));
        int tx1 = start(charger, 1, CARD, 0, at(0)).transactionId();
        int tx2 = start(otherCharger, 1, "C0FFEE01", 100_000, at(0)).transactionId();
        // each charger sends one message after the other, as its connection does; the two chargers at the same time, so
        // their messages are written together whenever they meet in the writer's queue
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(() -> {
                for (int i = 1; i <= 40; i++) {
                    int minute = i;
                    run(() -> events.meterValues(charger, 1, tx1, List.of(energy(at(minute), minute * 100L))));
                }
            });
            var second = threads.submit(() -> {
                for (int i = 1; i <= 40; i++) {
                    int minute = i;
                    run(() -> events.meterValues(otherCharger, 1, tx2, List.of(energy(at(minute), 100_000 + minute * 200L),
                            new MeterSample(at(minute), io.chargebase.domain.charging.Measurand.POWER_ACTIVE_IMPORT, null, "W", BigDecimal.valueOf(12_000), null, null))));
                }
            });
            first.get();
            second.get();
        }
        Map<Integer, JsonNode> byTransaction = new java.util.HashMap<>();
        sessionsList(admin, Map.of()).path("edges").forEach(edge -> byTransaction.put(edge.path("node").path("transactionId").asInt(), edge.path("node")));
        assertThat(new BigDecimal(byTransaction.get(tx1).path("latestEnergyWh").asString())).isEqualByComparingTo("4000");
        assertThat(byTransaction.get(tx1).path("latestPowerW").isNull()).isTrue();
        assertThat(new BigDecimal(byTransaction.get(tx2).path("latestEnergyWh").asString())).isEqualByComparingTo("108000");
        assertThat(new BigDecimal(byTransaction.get(tx2).path("latestPowerW").asString())).isEqualByComparingTo("12000");
        assertThat(Instant.parse(byTransaction.get(tx2).path("latestSampleAt").asString())).isEqualTo(at(40));
        JsonNode values1 = graphQl().document(admin, "tenant-portal/ChargingSession", Map.of("id", byTransaction.get(tx1).path("id").asString()))
                .data().path("node").path("meterValues");
        JsonNode values2 = graphQl().document(admin, "tenant-portal/ChargingSession", Map.of("id", byTransaction.get(tx2).path("id").asString()))
                .data().path("node").path("meterValues");
        assertThat(values1).hasSize(40);
        assertThat(values2).hasSize(80);
    }

    @Test
    void aMeterValuesThatCannotBeStoredCostsOnlyItsOwnAnswer() throws Exception {
        // CP-2 is deleted while still connected: its messages can no longer be stored; CP-1's, sent at the same time and
        // so often written in the same batch, must all be stored anyway
        String deleted = mutate(admin, "tenant-portal/DeleteChargePoint", Map.of("chargePointId",
                io.chargebase.api.graphql.GlobalId.encode(io.chargebase.api.graphql.Types.CHARGE_POINT, otherCharger.chargePointId())))
                .path("deletedChargePointId").asString();
        assertThat(deleted).isNotEmpty();
        int tx = start(charger, 1, CARD, 0, at(0)).transactionId();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var good = threads.submit(() -> {
                for (int i = 1; i <= 30; i++) {
                    int minute = i;
                    run(() -> events.meterValues(charger, 1, tx, List.of(energy(at(minute), minute * 100L))));
                }
            });
            var gone = threads.submit(() -> {
                for (int i = 1; i <= 30; i++) {
                    int minute = i;
                    try {
                        run(() -> events.meterValues(otherCharger, 1, null, List.of(energy(at(minute), minute * 100L))));
                    } catch (RuntimeException expected) {
                        refused.incrementAndGet();
                    }
                }
            });
            good.get();
            gone.get();
        }
        assertThat(refused.get()).as("every message of the deleted charge point fails").isEqualTo(30);
        JsonNode session = onlySessionWithTransaction(tx);
        assertThat(new BigDecimal(session.path("latestEnergyWh").asString())).isEqualByComparingTo("3000");
        assertThat(graphQl().document(admin, "tenant-portal/ChargingSession", Map.of("id", session.path("id").asString()))
                .data().path("node").path("meterValues")).hasSize(30);
    }

    private JsonNode onlySessionWithTransaction(int tx) {
        JsonNode edges = sessionsList(admin, Map.of()).path("edges");
        for (JsonNode edge : edges) {
            if (edge.path("node").path("transactionId").asInt() == tx) {
                return edge.path("node");
            }
        }
        throw new AssertionError("no session of transaction " + tx + " in " + edges);
    }

    @Test
    void aMeterStopBelowTheStartKeepsTheSessionWithNoEnergyAndUnrated() {
        int tx = start(charger, 1, CARD, 5_000, at(0)).transactionId();
        stop(tx, 4_000, at(30), List.of());
        JsonNode session = onlySession();
        assertThat(session.path("status").asString()).isEqualTo("FINISHED");
        assertThat(session.path("incomplete").asBoolean()).isTrue();
        assertThat(session.path("incompleteReason").asString()).contains("below meterStart");
        assertThat(session.path("energyWh").asDouble()).isZero();
        assertThat(session.path("ratingError").asString()).isNotBlank();
        assertThat(session.path("cpoCdr").isNull()).isTrue();
    }

    @Test
    void aRebootMidSessionLeavesItActiveUntilItsStopArrives() {
        int tx = start(charger, 1, CARD, 0, at(0)).transactionId();
        meter(tx, energy(at(20), 2_000));
        as(() -> events.boot(charger, new ChargerEvents.BootInfo("ACME", "Wallbox 22", null, null, null, null, null, null, null)));
        assertThat(onlySession().path("status").asString()).isEqualTo("ACTIVE");
        meter(tx, energy(at(40), 4_000));
        stop(tx, 5_000, at(60), List.of());
        JsonNode session = onlySession();
        assertThat(session.path("status").asString()).isEqualTo("FINISHED");
        // 1.00 + 5 × 0.30 + 1 × 3.00
        assertThat(session.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("5.5000");
    }

    @Test
    void aLateOfflineSessionIsRecordedWithItsOwnTimes() {
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int tx = start(charger, 2, CARD, 100, start).transactionId();
        stop(tx, 2_100, start.plusSeconds(1800), List.of(energy(start.plusSeconds(900), 1_100)));
        JsonNode session = onlySession();
        assertThat(session.path("startedAt").asString()).isEqualTo(start.toString());
        assertThat(session.path("evse").path("id").asString()).isNotBlank();
        assertThat(session.path("cpoCdr").path("chargingPeriods").get(0).path("startAt").asString()).isEqualTo(start.toString());
        // 1.00 + 2 × 0.30 + 0.5 × 3.00
        assertThat(session.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("3.1000");
    }

    @Test
    void aSessionNoTariffPricesFinishesUnratedAndIsRatedOnceOneApplies() {
        TestTenant bare = aTenant();
        String bareAdmin = tokenOf(bare);
        String location = mutate(bareAdmin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        String cp = mutate(bareAdmin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-9",
                "evses", List.of(AssetFixtures.anAcEvse(null)))).path("chargePoint").path("id").asString();
        ChargerRef bareCharger = new ChargerRef(bare.tenant().id(), id(cp), "CP-9");
        TenantScope scope = TenantScope.of(bare.tenant().id());
        int tx = TenantContext.callAs(scope, () -> events.startTransaction(bareCharger,
                new ChargerEvents.TransactionStart(1, "DEADBEEF", 0, at(0), null))).transactionId();
        TenantContext.callAs(scope, () -> events.stopTransaction(bareCharger, new ChargerEvents.TransactionStop(tx, null, 1_000, at(60), null, null)));
        JsonNode session = graphQl().document(bareAdmin, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions")
                .path("edges").get(0).path("node");
        // an unknown card is refused, so that session failed; a known one finishes but finds no tariff
        assertThat(session.path("status").asString()).isEqualTo("FAILED");
        mutate(bareAdmin, "tenant-portal/CreateToken", Map.of("uid", "CAFEBABE", "type", "RFID"));
        int tx2 = TenantContext.callAs(scope, () -> events.startTransaction(bareCharger,
                new ChargerEvents.TransactionStart(1, "CAFEBABE", 0, at(70), null))).transactionId();
        // a reading finds no tariff for the live cost either, and is stored all the same
        TenantContext.runAs(scope, () -> events.meterValues(bareCharger, 1, tx2, List.of(energy(at(100), 1_000))));
        assertThat(TenantContext.callAs(scope, () -> sessions.byTransaction(tx2).orElseThrow().latestEnergyWh()))
                .isEqualByComparingTo("1000");
        TenantContext.callAs(scope, () -> events.stopTransaction(bareCharger, new ChargerEvents.TransactionStop(tx2, null, 2_000, at(130), null, null)));
        JsonNode finished = graphQl().document(bareAdmin, "tenant-portal/ChargingSessions", Map.of("filter", Map.of("status", "FINISHED")))
                .data().path("chargingSessions").path("edges").get(0).path("node");
        assertThat(finished.path("ratingError").asString()).startsWith("NO_TARIFF");
        assertThat(finished.path("mspCdr").isNull()).isTrue();

        JsonNode tariff = mutate(bareAdmin, "tenant-portal/CreateTariff", Map.of("name", "Energy", "pricing", Map.of("kind", "DURATION_ENERGY",
                "pricePerKwh", "0.50")));
        mutate(bareAdmin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff.path("tariff").path("id").asString(),
                "activate", true));
        UUID sessionId = id(finished.path("id").asString());
        assertThat(TenantContext.callAs(scope, () -> sessions.rateAgain(sessionId))).isPresent();
        JsonNode rated = graphQl().document(bareAdmin, "tenant-portal/ChargingSessions", Map.of("filter", Map.of("status", "FINISHED")))
                .data().path("chargingSessions").path("edges").get(0).path("node");
        assertThat(rated.path("ratingError").isNull()).isTrue();
        assertThat(rated.path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("1.0000");
    }

    @Test
    void theSweeperFailsStartsThatNeverCameAndMarksSilentChargers() {
        Instant now = Instant.now();
        run(() -> events.connected(charger, "10.0.0.7:1", "ocpp1.6"));
        as(() -> events.authorize(charger, CARD));
        assertThat(onlySession().path("status").asString()).isEqualTo("PENDING");
        assertThat(sweeper.sweep(tenantId, now.plusSeconds(30)).sessionsFailed()).isZero();
        ChargingSweeper.Swept swept = sweeper.sweep(tenantId, now.plusSeconds(65));
        assertThat(swept.sessionsFailed()).isEqualTo(1);
        assertThat(onlySession().path("stopReason").asString()).isEqualTo("FailStart");
        assertThat(onlySession().path("status").asString()).isEqualTo("FAILED");

        sweeper.sweep(tenantId, now.plusSeconds(130));
        assertThat(networkStatus()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        sweeper.sweep(tenantId, now.plusSeconds(310));
        assertThat(networkStatus()).isEqualTo("LONG_TERM_UNAVAILABLE");
        as(() -> events.heartbeat(charger));
        assertThat(networkStatus()).isEqualTo("ONLINE");

        // the tenant's own thresholds apply
        JsonNode updated = mutate(admin, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 60,
                "temporarilyUnavailableAfterSeconds", 600, "longTermUnavailableAfterSeconds", 1200, "failStartTimeoutSeconds", 300,
                "inactivityTimeoutSeconds", 3600, "unknownChargePoints", "ACCEPT_AS_PENDING"));
        assertThat(updated.path("userErrors")).as(updated.toString()).isEmpty();
        assertThat(as(() -> events.boot(charger, new ChargerEvents.BootInfo("A", "B", null, null, null, null, null, null, null))).interval())
                .hasSeconds(60);
        as(() -> events.authorize(otherCharger, CARD));
        Instant later = Instant.now();
        sweeper.sweep(tenantId, later.plusSeconds(130));
        assertThat(networkStatus()).isEqualTo("ONLINE");
        assertThat(sessionsList(admin, Map.of("filter", Map.of("status", "PENDING"))).path("totalCount").asInt()).isEqualTo(1);
        sweeper.sweep(tenantId, later.plusSeconds(305));
        assertThat(sessionsList(admin, Map.of("filter", Map.of("status", "PENDING"))).path("totalCount").asInt()).isZero();
        sweeper.sweepAll();

        JsonNode refused = mutate(admin, "tenant-portal/UpdateChargingSettings", Map.of("heartbeatIntervalSeconds", 60,
                "temporarilyUnavailableAfterSeconds", 600, "longTermUnavailableAfterSeconds", 300, "failStartTimeoutSeconds", 300,
                "inactivityTimeoutSeconds", 3600, "unknownChargePoints", "REFUSE"));
        assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(graphQl().document(admin, "tenant-portal/ChargingSettings", Map.of()).data().path("chargingSettings")
                .path("unknownChargePoints").asString()).isEqualTo("ACCEPT_AS_PENDING");
    }

    private String networkStatus() {
        return graphQl().document(admin, "tenant-portal/ChargePointLive", Map.of("id", chargePoint)).data().path("node").path("connection")
                .path("networkStatus").asString();
    }

    @Test
    void ouAdminsSeeTheirSubtreesSessionsAndDriversTheirOwn() {
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String otherProfile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root,
                "name", "Olga Other", "email", "olga@example.com")).path("profile").path("id").asString();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", "0A0B0C0D", "type", "RFID", "ownerProfileId", otherProfile));
        int mine = start(charger, 1, CARD, 0, at(0)).transactionId();
        stop(mine, 1_000, at(30), List.of());
        int theirs = start(otherCharger, 1, "0A0B0C0D", 0, at(40)).transactionId();
        start(charger, 2, "DEADBEEF99", 0, at(50));

        assertThat(sessionsList(admin, Map.of()).path("totalCount").asInt()).isEqualTo(3);
        assertThat(sessionsList(admin, Map.of("filter", Map.of("profileId", otherProfile))).path("edges").get(0).path("node")
                .path("transactionId").asInt()).isEqualTo(theirs);
        assertThat(sessionsList(admin, Map.of("filter", Map.of("chargePointId", chargePoint))).path("totalCount").asInt()).isEqualTo(2);
        JsonNode page = sessionsList(admin, Map.of("first", 2));
        assertThat(page.path("edges").get(0).path("node").path("idTag").asString()).isEqualTo("DEADBEEF99");
        assertThat(sessionsList(admin, Map.of("first", 2, "after", page.path("pageInfo").path("endCursor").asString()))
                .path("edges").get(0).path("node").path("transactionId").asInt()).isEqualTo(mine);

        String ouAdmin = accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, id(fleetUnit), null));
        JsonNode seen = sessionsList(ouAdmin, Map.of());
        assertThat(seen.path("totalCount").asInt()).isEqualTo(1);
        assertThat(seen.path("edges").get(0).path("node").path("transactionId").asInt()).isEqualTo(mine);

        String analyst = accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null));
        assertThat(sessionsList(analyst, Map.of()).path("totalCount").asInt()).isEqualTo(3);
        assertThat(graphQl().document(analyst, "tenant-portal/UpdateChargingSettings", Map.of("input", Map.of("heartbeatIntervalSeconds", 60,
                "temporarilyUnavailableAfterSeconds", 600, "longTermUnavailableAfterSeconds", 1200, "failStartTimeoutSeconds", 300,
                "inactivityTimeoutSeconds", 3600, "unknownChargePoints", "REFUSE"))).errorTypes()).containsExactly("FORBIDDEN");

        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, id(driverProfile)));
        JsonNode own = graphQl().document(driver, "driver-app/MySessions", Map.of()).data().path("mySessions");
        assertThat(own.path("totalCount").asInt()).isEqualTo(1);
        assertThat(own.path("edges").get(0).path("node").path("transactionId").asInt()).isEqualTo(mine);
        assertThat(own.path("edges").get(0).path("node").path("mspCdr").path("totalCost").path("exclVat").asString()).isEqualTo("2.8000");
        assertThat(graphQl().document(driver, "tenant-portal/ChargingSessions", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
        String theirsId = sessionsList(admin, Map.of("filter", Map.of("profileId", otherProfile))).path("edges").get(0).path("node").path("id").asString();
        assertThat(graphQl().document(driver, "tenant-portal/ChargingSession", Map.of("id", theirsId)).data().path("node").isNull()).isTrue();
    }
}
