package io.chargebase.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.LedgerInvariants;
import io.chargebase.api.support.TestDatabase;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransaction;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.Posting;
import io.chargebase.domain.billing.SessionBilling;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerEvents.MeterSample;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * The ledger in PostgreSQL: a session a charger reports through the charger port is posted once as receivable,
 * revenue and VAT; postings are idempotent, also when raced; the database refuses unbalanced transactions and any
 * change to what was posted; tenants and drivers see only their own. {@link LedgerInvariants} after every scenario.
 */
class LedgerIT extends IntegrationTest {

    private static final String CARD = "04A1B2C3D4E5F6";
    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    ChargerEvents events;

    @Autowired
    Ledger ledger;

    @Autowired
    SessionBilling billing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private LedgerInvariants invariants;
    private TestTenant tenant;
    private TenantId tenantId;
    private UUID driver;
    private ChargerRef charger;
    private Instant t0;

    @BeforeEach
    void tenantWithAChargerADriverAndAPlan() {
        invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        String chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "CP-1",
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E0001*1")))).path("chargePoint").path("id").asString();
        charger = new ChargerRef(tenantId, id(chargePoint), "CP-1");
        String unit = mutate(admin, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Fleet"))
                .path("organisationUnit").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        driver = id(profile);
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
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

    private static MeterSample energy(Instant at, long wh) {
        return new MeterSample(at, io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(wh), "Sample.Periodic", "Outlet");
    }

    /** One hour charging 10 kWh: 7.00 excl. VAT, 8.47 incl. */
    private int aRatedSession() {
        int tx = as(() -> events.startTransaction(charger, new ChargerEvents.TransactionStart(1, CARD, 1_000, t0, null))).transactionId();
        stop(tx);
        return tx;
    }

    private void stop(int tx) {
        as(() -> events.stopTransaction(charger, new ChargerEvents.TransactionStop(tx, CARD, 11_000, t0.plusSeconds(3600), io.chargebase.domain.charging.StopReason.LOCAL,
                List.of(energy(t0, 1_000), energy(t0.plusSeconds(3600), 11_000)))));
    }

    private UUID sessionOf(int tx) {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from charging_session where transaction_id = ?").param(tx).query(UUID.class).single()));
    }

    private Posting aPayment(String key, String amount) {
        return Posting.of(key, LedgerTransactionKind.PAYMENT, driver, null, "pi_" + key, "Card payment", Instant.now())
                .debit(LedgerAccount.STRIPE_CLEARING, Money.of(amount, "EUR")).credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of(amount, "EUR"));
    }

    @Test
    void aRatedSessionIsPostedOnceAsReceivableRevenueAndVat() {
        int tx = aRatedSession();
        UUID session = sessionOf(tx);
        List<LedgerTransaction> posted = as(() -> ledger.ofSession(session));
        assertThat(posted).hasSize(1);
        assertThat(posted.getFirst().kind()).isEqualTo(LedgerTransactionKind.SESSION);
        assertThat(posted.getFirst().profileId()).isEqualTo(driver);
        assertThat(posted.getFirst().entries()).containsExactly(
                new Posting.Entry(LedgerAccount.DRIVER_RECEIVABLE, driver, Money.of("8.47", "EUR")),
                new Posting.Entry(LedgerAccount.REVENUE, null, Money.of("-7.00", "EUR")),
                new Posting.Entry(LedgerAccount.VAT_PAYABLE, null, Money.of("-1.47", "EUR")));
        assertThat(as(() -> ledger.outstanding(driver, EUR))).isEqualTo(Money.of("8.47", "EUR"));

        // the charger repeats its stop, billing is asked again: nothing more is posted
        stop(tx);
        UUID mspCdr = as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select msp_cdr_id from charging_session where id = ?").param(session).query(UUID.class).single()));
        Ledger.Posted again = as(() -> billing.post(session, mspCdr)).orElseThrow();
        assertThat(again.posted()).isFalse();
        assertThat(again.transactionId()).isEqualTo(posted.getFirst().id());
        assertThat(invariants.transactionsOf(tenantId, session, "SESSION")).isEqualTo(1);
        assertThat(as(() -> ledger.balance(LedgerAccount.REVENUE, null, EUR))).isEqualTo(Money.of("-7.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void postingAKeyTwicePostsOnceAndTheFirstPostingStands() {
        Ledger.Posted first = as(() -> ledger.post(aPayment("payment:pi_1", "5.00")));
        Ledger.Posted second = as(() -> ledger.post(aPayment("payment:pi_1", "9.00")));
        assertThat(first.posted()).isTrue();
        assertThat(second).isEqualTo(new Ledger.Posted(first.transactionId(), false));
        assertThat(as(() -> ledger.outstanding(driver, EUR))).isEqualTo(Money.of("-5.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void concurrentPostingsOfOneKeyPostOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Ledger.Posted> post = () -> as(() -> ledger.post(aPayment("payment:pi_race", "3.00")));
            List<Future<Ledger.Posted>> results = pool.invokeAll(List.of(post, post, post, post));
            long posted = 0;
            for (Future<Ledger.Posted> result : results) {
                posted += result.get().posted() ? 1 : 0;
            }
            assertThat(posted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(as(() -> ledger.outstanding(driver, EUR))).isEqualTo(Money.of("-3.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void badPostingsAreRefusedAndChangeNoBalance() {
        as(() -> ledger.post(aPayment("payment:pi_ok", "2.00")));
        List<Supplier<Posting>> bad = List.of(
                () -> aPayment("payment:pi_zero", "0.00"),
                () -> aPayment("payment:pi_negative", "-2.00"),
                () -> aPayment("payment:pi_cent", "2.001"),
                () -> Posting.of("payment:pi_unbalanced", LedgerTransactionKind.PAYMENT, driver, null, null, "x", Instant.now())
                        .debit(LedgerAccount.STRIPE_CLEARING, Money.of("2.00", "EUR")).credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("1.99", "EUR")));
        for (Supplier<Posting> posting : bad) {
            assertThat(catchThrowable(() -> as(() -> ledger.post(posting.get())))).isInstanceOf(DomainException.class);
        }
        assertThat(as(() -> ledger.outstanding(driver, EUR))).isEqualTo(Money.of("-2.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesUnbalancedTransactionsThatBypassTheLedger() {
        UUID tx = UUID.randomUUID();
        Throwable refused = catchThrowable(() -> as(() -> new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.sql("insert into ledger_transaction (tenant_id, id, idempotency_key, kind, description, occurred_at) values (?, ?, 'raw', 'PAYMENT', 'raw', now())")
                    .params(tenantId.value(), tx).update();
            jdbc.sql("insert into ledger_entry (tenant_id, id, transaction_id, line, account, currency, amount) values (?, gen_random_uuid(), ?, 1, 'STRIPE_CLEARING', 'EUR', 1.00)")
                    .params(tenantId.value(), tx).update();
            return jdbc.sql("insert into ledger_entry (tenant_id, id, transaction_id, line, account, currency, amount) values (?, gen_random_uuid(), ?, 2, 'REVENUE', 'EUR', -0.99)")
                    .params(tenantId.value(), tx).update();
        })));
        assertThat(refused).rootCause().hasMessageContaining("does not balance");
        // a leg added later to a balanced transaction unbalances it: refused as well
        Ledger.Posted posted = as(() -> ledger.post(aPayment("payment:pi_2", "4.00")));
        Throwable added = catchThrowable(() -> as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("insert into ledger_entry (tenant_id, id, transaction_id, line, account, currency, amount) values (?, gen_random_uuid(), ?, 3, 'REVENUE', 'EUR', -4.00)")
                        .params(tenantId.value(), posted.transactionId()).update())));
        assertThat(added).rootCause().hasMessageContaining("does not balance");
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void postedEntriesCannotBeUpdatedOrDeletedByTheApplicationNorByTheOwner() throws SQLException {
        Ledger.Posted posted = as(() -> ledger.post(aPayment("payment:pi_3", "6.00")));
        for (String change : List.of("update ledger_entry set amount = amount * 2", "delete from ledger_entry",
                "update ledger_transaction set description = 'changed'", "delete from ledger_transaction")) {
            Throwable refused = catchThrowable(() -> as(() -> new TransactionTemplate(transactionManager).execute(status ->
                    jdbc.sql(change).update())));
            assertThat(refused).as(change).rootCause().hasMessageContaining("permission denied");
        }
        TestDatabase.Target database = TestDatabase.get();
        try (Connection owner = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            for (String change : List.of("update ledger_entry set amount = amount * 2 where transaction_id = '" + posted.transactionId() + "'",
                    "delete from ledger_transaction where id = '" + posted.transactionId() + "'", "truncate ledger_entry cascade")) {
                Throwable refused = catchThrowable(() -> owner.createStatement().executeUpdate(change));
                assertThat(refused).as(change).hasMessageContaining("append-only");
            }
        }
        assertThat(as(() -> ledger.outstanding(driver, EUR))).isEqualTo(Money.of("-6.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void anotherTenantSeesNothingAndADriverOnlyTheirOwn() {
        aRatedSession();
        TestTenant other = aTenant();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        long foreign = TenantContext.callAs(TenantScope.of(other.tenant().id()), () -> transactions.execute(status ->
                jdbc.sql("select (select count(*) from ledger_transaction) + (select count(*) from ledger_entry)").query(Long.class).single()));
        assertThat(foreign).isZero();
        long own = TenantContext.callAs(TenantScope.ofProfile(tenantId, driver), () -> transactions.execute(status ->
                jdbc.sql("select count(*) from ledger_entry").query(Long.class).single()));
        assertThat(own).as("the driver's session: receivable, revenue, VAT").isEqualTo(3);
        long someoneElse = TenantContext.callAs(TenantScope.ofProfile(tenantId, UUID.randomUUID()), () -> transactions.execute(status ->
                jdbc.sql("select (select count(*) from ledger_transaction) + (select count(*) from ledger_entry)").query(Long.class).single()));
        assertThat(someoneElse).isZero();
        assertThat(invariants.check(tenantId)).isEqualTo(1);
        assertThat(invariants.check(other.tenant().id())).isZero();
    }
}
