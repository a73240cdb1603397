package io.chargebase.api.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.LedgerInvariants;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.Posting;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerEvents.MeterSample;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.money.Money;
import io.chargebase.domain.receipts.Receipt;
import io.chargebase.domain.receipts.Receipts;
import io.chargebase.ocpp.simulator.Simulate;
import io.chargebase.ocpp.simulator.SimulatedCharger;
import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Receipts as a driver and an operator meet them: a session from a simulated OCPP charger gets its receipt at once
 * (per-session tenant), readable by its driver only, as a signed PDF link whose document carries the brand, the
 * company, the amounts with and without VAT and the VAT per rate, and mailed through the outbox; monthly receipts cut
 * months in the tenant's time zone and number without gaps, also when an issue rolls back; a refund gets a credit
 * note. The tariff: 1.00 connection fee + 0.30/kWh, 21 % VAT, so 10 kWh cost 4.00 excl. VAT, 0.84 VAT, 4.84 incl.
 */
class ReceiptsIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04A1B2C3D4E5F6";

    @Autowired
    ChargerEvents events;

    @Autowired
    Receipts receipts;

    @Autowired
    ReceiptPdf pdf;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TestTenant tenant;
    private TenantId tenantId;
    private String admin;
    private String driver;
    private String otherDriver;
    private UUID profile;
    private String chargePoint;
    private String chargerSecret;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    @BeforeEach
    void aTenantWithCompanyDetailsACharger_AndTwoDrivers() {
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        admin = tokenOf(tenant);
        TenantContext.runAs(TenantScope.of(tenantId), () -> tenants.updateBranding(new Branding("Volt Brand", null, "#0b7a5b", null, null, null,
                null, null)));
        JsonNode company = mutate(admin, "tenant-portal/UpdateCompanyDetails", Map.of("legalName", "Volt Charging B.V.", "street", "Stationsplein 1",
                "postalCode", "1012 AB", "city", "Amsterdam", "country", "nl", "vatNumber", "NL 859048374 B01"));
        assertThat(company.path("userErrors")).as(company.toString()).isEmpty();
        assertThat(company.path("companyDetails").path("vatNumber").asString()).isEqualTo("NL859048374B01");
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String dana = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver", "email", "dana@example.com"))
                .path("profile").path("id").asString();
        String erin = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Erin Other", "email", "erin@example.com"))
                .path("profile").path("id").asString();
        profile = GlobalId.decode(dana).orElseThrow().id();
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", dana));
        JsonNode tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "vatPercent", "21")));
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff.path("tariff").path("id").asString(),
                "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "RECEIPT-CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1"))));
        chargePoint = registered.path("chargePoint").path("id").asString();
        chargerSecret = registered.path("chargerSecret").asString();
        driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, profile));
        otherDriver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(erin).orElseThrow().id()));
    }

    @Test
    void aSessionFromASimulatedChargerGetsItsReceiptAtOnceAsDataAsAPdfAndByMail() throws Exception {
        assertThat(mutate(admin, "tenant-portal/UpdateReceiptSettings", Map.of("mode", "PER_SESSION")).path("userErrors")).isEmpty();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                "RECEIPT-CP-1", chargerSecret).join()) {
            call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
            call(charger, "StatusNotification", Simulate.status(1, "Charging", start.toString()));
            int transaction = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD)
                    .put("meterStart", 0).put("timestamp", start.toString())).path("transactionId").asInt();
            call(charger, "MeterValues", Simulate.meterValues(1, transaction, start.plus(Duration.ofMinutes(30)), BigDecimal.valueOf(5_000),
                    BigDecimal.valueOf(10_000), 50));
            call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("idTag", CARD).put("meterStop", 10_000)
                    .put("timestamp", start.plus(Duration.ofHours(1)).toString()).put("reason", "EVDisconnected"));
        }

        JsonNode receipt = Eventually.value(() -> graphQl().document(driver, "driver-app/MyReceipts", Map.of()).data().path("myReceipts")
                .path("edges"), edges -> edges.size() == 1).get(0).path("node");
        assertThat(receipt.path("number").asString()).isEqualTo("R-000001");
        assertThat(receipt.path("kind").asString()).isEqualTo("RECEIPT");
        assertThat(List.of(receipt.path("net").asString(), receipt.path("vat").asString(), receipt.path("gross").asString()))
                .containsExactly("4.00", "0.84", "4.84");
        assertThat(receipt.path("vatBreakdown")).hasSize(1);
        assertThat(receipt.path("vatBreakdown").get(0).path("vatPercent").asString()).isEqualTo("21");
        assertThat(receipt.path("lines").get(0).path("energyKwh").asString()).startsWith("10");
        assertThat(receipt.path("company").path("legalName").asString()).isEqualTo("Volt Charging B.V.");
        assertThat(receipt.path("driverName").asString()).isEqualTo("Dana Driver");
        assertThat(graphQl().document(otherDriver, "driver-app/MyReceipts", Map.of()).data().path("myReceipts").path("edges"))
                .as("another driver sees none of Dana's receipts").isEmpty();
        assertThat(graphQl().document(admin, "tenant-portal/Receipts", Map.of()).data().path("receipts").path("edges")).hasSize(1);

        HttpResponse<byte[]> download = get(receipt.path("pdfUrl").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = text(download.body());
        assertThat(text).contains("Volt Brand", "Volt Charging B.V.", "Stationsplein 1", "1012 AB Amsterdam", "VAT number: NL859048374B01",
                "Receipt R-000001", "Billed to: Dana Driver", "VAT 21 %", "Total excl. VAT: 4.00 EUR", "VAT: 0.84 EUR", "Total incl. VAT: 4.84 EUR");
        assertThat(get(receipt.path("pdfUrl").asString().replaceAll("signature=[0-9a-f]{4}", "signature=0000")).statusCode())
                .as("a link whose signature was changed").isEqualTo(403);

        String mail = as(() -> new TransactionTemplate(transactionManager).execute(status -> jdbc.sql(
                "select subject || '\n' || body from outbound_mail where recipient = 'dana@example.com'").query(String.class).single()));
        assertThat(mail).contains("Your receipt R-000001 from Volt Charging B.V.", "VAT 21 % on 4.00 EUR: 0.84 EUR", "Total incl. VAT: 4.84 EUR");
    }

    @Test
    void monthlyReceiptsCutMonthsInTheTenantsTimeZoneAndNumberWithoutGapsWhenAnIssueRollsBack() throws IOException {
        ChargerRef charger = new ChargerRef(tenantId, GlobalId.decode(chargePoint).orElseThrow().id(), "RECEIPT-CP-1");
        // 23:30 and 00:30 in Amsterdam (UTC+1): both sessions end on 30 November in UTC, the second on 1 December locally
        UUID november = session(charger, Instant.parse("2026-11-30T21:30:00Z"), Instant.parse("2026-11-30T22:30:00Z"));
        UUID december = session(charger, Instant.parse("2026-11-30T22:30:00Z"), Instant.parse("2026-11-30T23:30:00Z"));

        List<Receipt> forNovember = as(() -> receipts.issueMonth(YearMonth.of(2026, 11)));
        assertThat(forNovember).hasSize(1);
        Receipt first = forNovember.getFirst();
        assertThat(first.numberText()).isEqualTo("R-000001");
        assertThat(first.lines()).extracting(line -> line.sessionId()).containsExactly(november);
        assertThat(as(() -> receipts.issueMonth(YearMonth.of(2026, 11)))).as("the month again: nothing new").isEmpty();

        // an issue whose transaction rolls back gives its number back
        TransactionTemplate rollingBack = new TransactionTemplate(transactionManager);
        as(() -> rollingBack.execute(status -> {
            assertThat(receipts.issueMonth(YearMonth.of(2026, 12)).getFirst().numberText()).isEqualTo("R-000002");
            status.setRollbackOnly();
            return null;
        }));
        List<Receipt> forDecember = as(() -> receipts.issueMonth(YearMonth.of(2026, 12)));
        assertThat(forDecember).extracting(Receipt::numberText).containsExactly("R-000002");
        assertThat(forDecember.getFirst().lines()).extracting(line -> line.sessionId()).containsExactly(december);

        String text = text(as(() -> pdf.render(receipts.find(first.id()).orElseThrow(), tenants.get(tenantId).orElseThrow())));
        assertThat(text).contains("Receipt R-000001", "Period: 2026-11-01 to 2026-11-30", "2026-11-30 22:30", "VAT 21 %",
                "Total excl. VAT: 4.00 EUR", "Total incl. VAT: 4.84 EUR");
        assertThat(text(as(() -> pdf.render(forDecember.getFirst(), tenants.get(tenantId).orElseThrow()))))
                .as("a line shows when its session started: 23:30 on 30 November, ending in December").contains("Receipt R-000002",
                        "Period: 2026-12-01 to 2026-12-31", "2026-11-30 23:30");

        // a refund of the November session's payment: a credit note for the receipt that charged it
        as(() -> ledger.post(Posting.of("payment:pi_receipts", LedgerTransactionKind.PAYMENT, profile, november, "pi_receipts", "Card payment",
                Instant.now()).debit(LedgerAccount.STRIPE_CLEARING, Money.of("4.84", "EUR")).credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("4.84", "EUR"))));
        as(() -> ledger.post(Posting.of("refund:ch_receipts:242", LedgerTransactionKind.REFUND, profile, november, "ch_receipts",
                "Refund on ch_receipts: charger fault", Instant.now()).debit(LedgerAccount.REFUNDS, Money.of("2.42", "EUR"))
                .credit(LedgerAccount.STRIPE_CLEARING, Money.of("2.42", "EUR"))));
        List<Receipt> notes = as(() -> receipts.issueCreditNotes(100));
        assertThat(notes).hasSize(1);
        Receipt note = notes.getFirst();
        assertThat(note.numberText()).isEqualTo("CN-000001");
        assertThat(note.creditedReceiptId()).isEqualTo(first.id());
        assertThat(List.of(note.net(), note.vat(), note.gross())).map(BigDecimal::toPlainString).containsExactly("-2.00", "-0.42", "-2.42");
        assertThat(as(() -> receipts.issueCreditNotes(100))).as("once per refund").isEmpty();
        assertThat(new LedgerInvariants(jdbc, ledger, transactionManager).check(tenantId)).isPositive();
    }

    @Test
    void receiptsIssuedConcurrentlyTakeEveryNumberOnceAndLeaveNoGap() throws Exception {
        ChargerRef charger = new ChargerRef(tenantId, GlobalId.decode(chargePoint).orElseThrow().id(), "RECEIPT-CP-1");
        Instant start = Instant.now().minus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(session(charger, start.plus(Duration.ofHours(2L * i)), start.plus(Duration.ofHours(2L * i + 1))));
        }
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<Long>>> issued = new java.util.ArrayList<>();
            for (UUID session : sessions) {
                UUID mspCdr = as(() -> new TransactionTemplate(transactionManager).execute(status ->
                        jdbc.sql("select msp_cdr_id from charging_session where id = ?").param(session).query(UUID.class).single()));
                // each session twice, as a replayed event would: the second finds the first's receipt
                for (int copy = 0; copy < 2; copy++) {
                    issued.add(pool.submit(() -> {
                        ready.await();
                        return as(() -> receipts.issueForSession(session, mspCdr)).map(receipt -> List.of(receipt.number())).orElse(List.of());
                    }));
                }
            }
            ready.countDown();
            List<Long> numbers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<List<Long>> future : issued) {
                numbers.addAll(future.get());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(as(() -> receipts.list(profile, null, 20))).hasSize(8)
                .allSatisfy(receipt -> assertThat(receipt.lines()).hasSize(1));
    }

    private UUID session(ChargerRef charger, Instant from, Instant to) {
        int tx = as(() -> events.startTransaction(charger, new ChargerEvents.TransactionStart(1, CARD, 0, from, null))).transactionId();
        as(() -> events.stopTransaction(charger, new ChargerEvents.TransactionStop(tx, CARD, 10_000, to, io.chargebase.domain.charging.StopReason.LOCAL,
                List.of(energy(from, 0), energy(to, 10_000)))));
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from charging_session where transaction_id = ?").param(tx).query(UUID.class).single()));
    }

    private static MeterSample energy(Instant at, long wh) {
        return new MeterSample(at, io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(wh), "Sample.Periodic", "Outlet");
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] document) throws IOException {
        try (PDDocument opened = Loader.loadPDF(document)) {
            return new PDFTextStripper().getText(opened);
        }
    }

    private static JsonNode call(SimulatedCharger charger, String action, tools.jackson.databind.node.ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }
}
