package io.chargebase.api.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.stripe.PaymentOutboxWorker;
import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.LedgerInvariants;
import io.chargebase.api.support.StripeFixtures;
import io.chargebase.api.support.StripeStubs;
import io.chargebase.api.support.StripeWebhookDelivery;
import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerTransaction;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.PaymentMethods;
import io.chargebase.domain.billing.Wallets;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.money.Money;
import io.chargebase.ocpp.simulator.SimulatedCharger;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Issue 14 items 1, 2 and 8: the manual's third billing strategy ("payment method OR minimum amount in balance") end to
 * end from simulated chargers, WireMock standing in for Stripe and webhooks signed like Stripe's. Each of its variants
 * (balance only, a minimum balance, a card for what the wallet cannot pay), the auto-stop amount, two sessions of one
 * driver on two chargers ending at once, a top-up bought in the app whose webhook comes three times, and the auto
 * top-up charged off-session, declined or paid. After each: {@link LedgerInvariants} hold and no wallet is below zero.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class WalletStrategyIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04B1B2C3D4E5F6";
    private static final String SECOND_CARD = "04B1B2C3D4E5F7";
    private static final String WEBHOOK_SECRET = "whsec_test_current_0123456789abcdef";

    @InjectWireMock
    WireMockServer stripe;

    @Autowired
    Ledger ledger;

    @Autowired
    Wallets wallets;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    PaymentMethods paymentMethods;

    @Autowired
    PaymentOutboxWorker outbox;

    @Autowired
    io.chargebase.domain.charging.ChargingSweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private LedgerInvariants invariants;
    private TenantId tenantId;
    private TestTenant tenant;
    private String admin;
    private String driver;
    private String profile;
    private UUID profileId;
    private String account;
    private String customer;
    private String location;
    private final List<SimulatedCharger> chargers = new ArrayList<>();
    private final List<JsonNode> remote = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /** A tenant with a connected account and a tariff of 1.00 per session and 0.30/kWh plus 21 % VAT (10 kWh: 4.84); a driver with two RFID cards. */
    @BeforeEach
    void aTenantWithWallets() {
        invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Wanda Wallet",
                "email", "wanda@example.com")).path("profile").path("id").asString();
        profileId = GlobalId.decode(profile).orElseThrow().id();
        driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, profileId));
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", SECOND_CARD, "type", "RFID", "ownerProfileId", profile));
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();

        stripe.resetAll();
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        StripeStubs.connectedCustomer(stripe, account, customer);
        as(() -> accounts.link(account));
    }

    @AfterEach
    void disconnect() {
        chargers.forEach(SimulatedCharger::close);
        chargers.clear();
        remote.clear();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    /** A registered charger, online, that records the platform's commands. */
    private SimulatedCharger aCharger() {
        String identity = "WAL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse("NL*CBS*E" + identity + "*1"))));
        SimulatedCharger charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/",
                identity, registered.path("chargerSecret").asString()).join();
        charger.onRemote((action, payload) -> remote.add(SimulatedCharger.object().put("action", action).put("charger", identity)
                .set("payload", payload)));
        charger.call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"))
                .toCompletableFuture().join();
        chargers.add(charger);
        return charger;
    }

    private static JsonNode call(SimulatedCharger charger, String action, ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    private static String authorize(SimulatedCharger charger, String idTag) {
        return call(charger, "Authorize", SimulatedCharger.object().put("idTag", idTag)).path("idTagInfo").path("status").asString();
    }

    /** Starts a session at {@code start}: its transaction id, or -1 when the charger was refused. */
    private static int start(SimulatedCharger charger, String idTag, Instant start) {
        JsonNode started = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", idTag)
                .put("meterStart", 0).put("timestamp", start.toString()));
        return "Accepted".equals(started.path("idTagInfo").path("status").asString()) ? started.path("transactionId").asInt() : -1;
    }

    private static void reading(SimulatedCharger charger, int transaction, long wh, Instant at) {
        ObjectNode meterValues = SimulatedCharger.object().put("connectorId", 1).put("transactionId", transaction);
        ObjectNode reading = meterValues.putArray("meterValue").addObject().put("timestamp", at.toString());
        reading.putArray("sampledValue").addObject().put("value", Long.toString(wh)).put("measurand", "Energy.Active.Import.Register").put("unit", "Wh");
        call(charger, "MeterValues", meterValues);
    }

    private static void stop(SimulatedCharger charger, int transaction, long wh, Instant at) {
        call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", wh)
                .put("timestamp", at.toString()).put("reason", "EVDisconnected"));
    }

    private UUID sessionOf(int transaction) {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from charging_session where transaction_id = ?").param(transaction).query(UUID.class).single()));
    }

    /** The session's postings once it is rated and posted. */
    private List<LedgerTransaction> posted(UUID session) {
        return Eventually.value(() -> as(() -> ledger.ofSession(session)), found -> found.stream().anyMatch(t -> t.kind() == LedgerTransactionKind.SESSION));
    }

    /** A 10 kWh session of an hour from the charger: its id once its postings are in. */
    private UUID aChargedSession(SimulatedCharger charger, String idTag) {
        Instant begin = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int transaction = start(charger, idTag, begin);
        assertThat(transaction).as("started").isPositive();
        stop(charger, transaction, 10_000, begin.plusSeconds(3600));
        UUID session = sessionOf(transaction);
        posted(session);
        return session;
    }

    private Money balance() {
        return as(() -> wallets.balance(profileId));
    }

    private Money outstanding() {
        return as(() -> ledger.outstanding(profileId, balance().currency())).rounded();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private void strategy(boolean balanceOnly, String minimumBalance, String autoStopBelow) {
        Map<String, Object> input = new HashMap<>();
        input.put("strategy", "BALANCE_OR_PAYMENT_METHOD");
        input.put("balanceOnly", balanceOnly);
        input.put("minimumBalance", minimumBalance);
        input.put("autoStopBelow", autoStopBelow);
        JsonNode set = mutate(admin, "tenant-portal/UpdateBillingStrategy", input);
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
        assertThat(set.path("billingStrategy").path("strategy").asString()).isEqualTo("BALANCE_OR_PAYMENT_METHOD");
        assertThat(set.path("billingStrategy").path("balanceOnly").asBoolean()).isEqualTo(balanceOnly);
    }

    private void operatorTopUp(String amount) {
        JsonNode added = mutate(admin, "tenant-portal/AddToUserBalance", Map.of("profileId", profile, "amount", amount, "reason", "Welcome credit"));
        assertThat(added.path("userErrors")).as(added.toString()).isEmpty();
    }

    private void aSavedCard() {
        as(() -> paymentMethods.startSetup(profileId));
    }

    private String aPackage(String price, String bonus) {
        JsonNode created = mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", price, "bonus", bonus, "enabled", true));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        return created.path("topUpPackage").path("packageId").asString();
    }

    private long remoteStops() {
        return remote.stream().filter(command -> command.path("action").asString().equals("RemoteStopTransaction")).count();
    }

    private String stopReason(UUID session) {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select stop_limit || ': ' || reason from charging_session_stop_limit where session_id = ?").param(session)
                        .query(String.class).optional().orElse(null)));
    }

    private List<LoggedRequest> intentCreations() {
        return stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
    }

    private static String intent(String id, String status, long amount, long received) {
        return StripeFixtures.of("payment_intent", Map.of("id", id, "status", status, "amount", amount, "amount_received", received,
                "currency", "eur", "client_secret", id + "_secret_abc", "capture_method", "automatic"));
    }

    private UUID topUpPaymentId() {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from card_payment where purpose = 'TOP_UP' order by created_at desc limit 1").query(UUID.class).single()));
    }

    private String topUpStatus(UUID payment) {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select status from card_payment where id = ?").param(payment).query(String.class).single()));
    }

    private int deliverSucceeded(String eventId, String paymentIntent, long amount, UUID payment) {
        String payload = """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "payment_intent.succeeded", "account": "%s",
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "eur",
                  "status": "succeeded", "client_secret": "%s_secret_abc", "last_payment_error": null,
                  "metadata": {"chargebase_profile_id": "%s", "chargebase_payment_id": "%s"}}}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), account, paymentIntent, amount, amount, paymentIntent, profileId, payment);
        return StripeWebhookDelivery.deliver(HTTP, baseUrl(), WEBHOOK_SECRET, payload).statusCode();
    }

    private void afterEveryScenario() {
        assertThat(balance().amount().signum()).as("the wallet is never below zero").isGreaterThanOrEqualTo(0);
        invariants.check(tenantId);
    }

    @Test
    void balanceOnlyStartsOnAVoucherBalancePaysFromTheWalletAndRefusesAnEmptyOne() {
        strategy(true, null, null);
        SimulatedCharger charger = aCharger();
        aSavedCard();
        assertThat(authorize(charger, CARD)).as("a card does not pay directly: the balance is empty").isEqualTo("Invalid");
        JsonNode app = mutate(driver, "driver-app/StartMySession", Map.of("evseId", "NL*CBS*E" + chargers.getFirst().identity() + "*1"));
        assertThat(app.path("userErrors").get(0).path("message").asString()).as(app.toString()).contains("top up in the app first");

        operatorTopUp("10.00");
        assertThat(authorize(charger, CARD)).isEqualTo("Accepted");
        UUID session = aChargedSession(charger, CARD);
        assertThat(balance()).isEqualTo(eur("5.16"));
        assertThat(outstanding()).isEqualTo(eur("0.00"));
        assertThat(as(() -> ledger.ofSession(session))).extracting(LedgerTransaction::kind)
                .containsExactlyInAnyOrder(LedgerTransactionKind.SESSION, LedgerTransactionKind.WALLET_PAYMENT);
        assertThat(intentCreations()).as("nothing is charged to a card").isEmpty();
        JsonNode entries = graphQl().document(driver, "driver-app/MyWallet", Map.of("first", 10)).data().path("myWallet");
        assertThat(entries.path("balance").path("amount").asString()).isEqualTo("5.16");
        assertThat(entries.path("entries").get(0).path("kind").asString()).isEqualTo("WALLET_PAYMENT");
        assertThat(entries.path("entries").get(0).path("debit").asString()).isEqualTo("4.84");
        afterEveryScenario();
    }

    @Test
    void aMinimumBalanceIsNeededEvenWithACardAndWithoutOneACardPaysWhatTheWalletCannot() {
        SimulatedCharger charger = aCharger();
        aSavedCard();
        strategy(false, "5.00", null);
        operatorTopUp("2.00");
        assertThat(authorize(charger, CARD)).as("2.00 is below the minimum of 5.00, card or not").isEqualTo("Invalid");

        // without a minimum, the card will do: the wallet pays its 2.00, the card the other 2.84
        strategy(false, null, null);
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent("pi_rest", "succeeded", 284, 284))));
        assertThat(authorize(charger, CARD)).isEqualTo("Accepted");
        UUID session = aChargedSession(charger, CARD);
        assertThat(balance()).isEqualTo(eur("0.00"));
        Eventually.value(() -> {
            outbox.sendDue();
            return outstanding();
        }, owed -> owed.equals(eur("0.00")), Duration.ofSeconds(20));
        assertThat(intentCreations()).hasSize(1);
        assertThat(intentCreations().getFirst().getBodyAsString()).contains("amount=284").contains(session.toString());
        afterEveryScenario();
    }

    @Test
    void theAutoStopAmountStopsTheSessionBeforeTheBalanceGoesBelowIt() {
        strategy(true, null, "1.00");
        SimulatedCharger charger = aCharger();
        operatorTopUp("5.00");
        Instant begin = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int transaction = start(charger, CARD, begin);
        assertThat(transaction).isPositive();
        UUID session = sessionOf(transaction);
        // 5 kWh: 3.03 so far, 1.97 left, above the 1.00: it runs on; 10 kWh: 4.84, 0.16 left: stopped
        reading(charger, transaction, 5_000, begin.plus(30, ChronoUnit.MINUTES));
        reading(charger, transaction, 10_000, begin.plus(50, ChronoUnit.MINUTES));
        Eventually.value(this::remoteStops, n -> n == 1);
        assertThat(stopReason(session)).as("judged at the second reading, not the first").startsWith("WALLET_BALANCE: ")
                .contains("available balance of 0.16 EUR").contains("auto-stop amount of 1.00 EUR");
        stop(charger, transaction, 10_000, begin.plus(51, ChronoUnit.MINUTES));
        posted(session);
        assertThat(balance()).isEqualTo(eur("0.16"));
        assertThat(remoteStops()).isEqualTo(1);
        assertThat(authorize(charger, CARD)).as("0.16 is not above the auto-stop amount").isEqualTo("Invalid");
        afterEveryScenario();
    }

    @Test
    void twoSessionsOfOneDriverOnTwoChargersEndingAtOnceNeverOverdrawTheWalletAndATopUpPaysTheRest() {
        strategy(true, null, null);
        SimulatedCharger first = aCharger();
        SimulatedCharger second = aCharger();
        operatorTopUp("6.00");
        Instant begin = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int one = start(first, CARD, begin);
        int two = start(second, SECOND_CARD, begin);
        assertThat(one).isPositive();
        assertThat(two).isPositive();
        CompletableFuture.allOf(first.call("StopTransaction", SimulatedCharger.object().put("transactionId", one).put("meterStop", 10_000)
                                .put("timestamp", begin.plusSeconds(3600).toString())).toCompletableFuture(),
                        second.call("StopTransaction", SimulatedCharger.object().put("transactionId", two).put("meterStop", 10_000)
                                .put("timestamp", begin.plusSeconds(3600).toString())).toCompletableFuture())
                .join();
        posted(sessionOf(one));
        posted(sessionOf(two));
        // 9.68 owed, 6.00 held: the wallet pays what it holds and not a cent more
        assertThat(balance()).isEqualTo(eur("0.00"));
        assertThat(outstanding()).isEqualTo(eur("3.68"));
        assertThat(authorize(first, CARD)).as("an outstanding balance blocks").isEqualTo("Invalid");
        JsonNode app = mutate(driver, "driver-app/StartMySession", Map.of("evseId", "NL*CBS*E" + first.identity() + "*1"));
        assertThat(app.path("userErrors").get(0).path("message").asString()).as(app.toString())
                .contains("an outstanding balance of 3.68 EUR", "top up in the app");
        afterEveryScenario();

        aSavedCard();
        JsonNode byCard = graphQl().document(driver, "driver-app/PayMyOutstandingBalance", Map.of()).payload("payMyOutstandingBalance");
        assertThat(byCard.path("userErrors").get(0).path("message").asString()).as("cards do not pay charging directly here")
                .contains("top up your balance");
        assertThat(intentCreations()).isEmpty();

        // a top-up of 10.00 with a 2.00 bonus, bought in the app, confirmed there (3-D Secure); its webhook comes three times
        aSavedCard();
        String pack = aPackage("10.00", "2.00");
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent("pi_topup", "requires_payment_method", 1000, 0))));
        JsonNode bought = mutate(driver, "driver-app/BuyTopUp", Map.of("packageId", pack));
        assertThat(bought.path("userErrors")).as(bought.toString()).isEmpty();
        assertThat(bought.path("payment").path("clientSecret").asString()).isEqualTo("pi_topup_secret_abc");
        assertThat(bought.path("payment").path("status").asString()).as("the app confirms it").isEqualTo("REQUIRES_ACTION");
        assertThat(bought.path("payment").path("amount").asString()).isEqualTo("10.00");
        assertThat(intentCreations().getFirst().getBodyAsString()).doesNotContain("off_session=true").contains("setup_future_usage=off_session");
        assertThat(balance()).as("nothing before it is paid").isEqualTo(eur("0.00"));
        UUID payment = topUpPaymentId();
        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(deliverSucceeded("evt_topup", "pi_topup", 1000, payment)).isEqualTo(200);
        }
        assertThat(deliverSucceeded("evt_topup_again", "pi_topup", 1000, payment)).as("another event about it").isEqualTo(200);
        // 12.00 in, 3.68 of it paid what was outstanding
        assertThat(balance()).isEqualTo(eur("8.32"));
        assertThat(outstanding()).isEqualTo(eur("0.00"));
        assertThat(topUpStatus(payment)).isEqualTo("SUCCEEDED");
        assertThat(as(() -> ledger.findByKey("payment:pi_topup")).orElseThrow().kind()).isEqualTo(LedgerTransactionKind.TOP_UP);
        JsonNode listed = graphQl().document(admin, "tenant-portal/Vouchers", Map.of("filter", Map.of("kinds", List.of("TOP_UP")))).data()
                .path("vouchers").path("edges");
        assertThat(listed).as("listed once with the vouchers").hasSize(1);
        assertThat(listed.get(0).path("node").path("amount").asString()).isEqualTo("12.00");
        assertThat(authorize(first, CARD)).isEqualTo("Accepted");
        afterEveryScenario();
    }

    /** The auto top-up: 10.00 below 3.00, charged off-session to the saved card. */
    private void anAutoTopUp() {
        aSavedCard();
        String pack = aPackage("10.00", "0");
        JsonNode set = mutate(driver, "driver-app/SetMyAutoTopUp", Map.of("enabled", true, "packageId", pack, "threshold", "3.00"));
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
    }

    @Test
    void anAutoTopUpThatStripeDeclinesIsTurnedOffAndTheSessionStopsAtTheAutoStopAmount() {
        strategy(true, null, "1.00");
        SimulatedCharger charger = aCharger();
        anAutoTopUp();
        operatorTopUp("5.00");
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                         "message": "Your card has insufficient funds.", "payment_intent": %s}}""".formatted(intent("pi_auto", "requires_payment_method", 1000, 0)))));
        Instant begin = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int transaction = start(charger, CARD, begin);
        UUID session = sessionOf(transaction);
        // 1.97 left: at most 3.00, the top-up is recorded, and Stripe declines it
        reading(charger, transaction, 5_000, begin.plus(30, ChronoUnit.MINUTES));
        UUID payment = Eventually.value(() -> as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from card_payment where purpose = 'TOP_UP' and auto").query(UUID.class).optional())), found -> found.isPresent())
                .orElseThrow();
        Eventually.value(() -> {
            outbox.sendDue();
            return topUpStatus(payment);
        }, status -> status.equals("FAILED"), Duration.ofSeconds(20));
        assertThat(intentCreations().getFirst().getBodyAsString()).contains("off_session=true").contains("amount=1000");
        JsonNode auto = graphQl().document(driver, "driver-app/MyAutoTopUp", Map.of()).data().path("myAutoTopUp");
        assertThat(auto.path("enabled").asBoolean()).isFalse();
        assertThat(auto.path("disabledReason").asString()).contains("insufficient funds");
        assertThat(balance()).isEqualTo(eur("5.00"));
        // 0.16 left and no top-up on its way: stopped
        reading(charger, transaction, 10_000, begin.plus(50, ChronoUnit.MINUTES));
        Eventually.value(this::remoteStops, n -> n == 1);
        assertThat(stopReason(session)).contains("0.16 EUR");
        stop(charger, transaction, 10_000, begin.plus(51, ChronoUnit.MINUTES));
        posted(session);
        assertThat(balance()).isEqualTo(eur("0.16"));
        assertThat(intentCreations()).as("tried once, not at every reading").hasSize(1);
        assertThat(authorize(charger, CARD)).as("a declined top-up does not block, the low balance does").isEqualTo("Invalid");
        afterEveryScenario();
    }

    @Test
    void anAutoTopUpThatIsPaidKeepsTheSessionRunning() {
        strategy(true, null, "1.00");
        SimulatedCharger charger = aCharger();
        anAutoTopUp();
        operatorTopUp("5.00");
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent("pi_auto_paid", "succeeded", 1000, 1000))));
        Instant begin = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int transaction = start(charger, CARD, begin);
        UUID session = sessionOf(transaction);
        reading(charger, transaction, 5_000, begin.plus(30, ChronoUnit.MINUTES));
        Eventually.value(() -> {
            outbox.sendDue();
            return balance();
        }, held -> held.equals(eur("15.00")), Duration.ofSeconds(20));
        reading(charger, transaction, 10_000, begin.plus(50, ChronoUnit.MINUTES));
        stop(charger, transaction, 10_000, begin.plus(51, ChronoUnit.MINUTES));
        posted(session);
        assertThat(remoteStops()).as("10.16 left: never stopped").isZero();
        assertThat(stopReason(session)).isNull();
        assertThat(balance()).isEqualTo(eur("10.16"));
        assertThat(intentCreations()).hasSize(1);
        afterEveryScenario();
    }

    /**
     * A session its charger goes silent about after 5 kWh (3.03), finished by the sweep after inactivity and posted;
     * then its late StopTransaction says 8 kWh (4.11): the session, rated again.
     */
    private UUID aSessionCorrectedByItsLateStop(SimulatedCharger charger) {
        Instant begin = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int transaction = start(charger, CARD, begin);
        assertThat(transaction).isPositive();
        reading(charger, transaction, 5_000, begin.plus(30, ChronoUnit.MINUTES));
        UUID session = sessionOf(transaction);
        Instant now = Instant.now();
        sweeper.sweep(tenantId, now.plus(Duration.ofMinutes(31)));
        assertThat(sweeper.sweep(tenantId, now.plus(Duration.ofMinutes(121))).sessionsFinishedInactive()).isEqualTo(1);
        posted(session);
        call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 8_000)
                .put("timestamp", begin.plus(50, ChronoUnit.MINUTES).toString()).put("reason", "EVDisconnected"));
        Eventually.value(() -> as(() -> ledger.ofSession(session)),
                found -> found.stream().anyMatch(t -> t.kind() == LedgerTransactionKind.SESSION_CORRECTION));
        return session;
    }

    @Test
    void aSessionCorrectedByItsLateStopIsPaidTheDifferenceFromTheWalletOnce() {
        strategy(true, null, null);
        SimulatedCharger charger = aCharger();
        operatorTopUp("20.00");
        UUID session = aSessionCorrectedByItsLateStop(charger);
        // 3.03 paid for the first version, 1.08 more for the second: 4.11, what the charger's stop says
        assertThat(balance()).isEqualTo(eur("15.89"));
        assertThat(outstanding()).isEqualTo(eur("0.00"));
        assertThat(as(() -> ledger.ofSession(session))).extracting(LedgerTransaction::kind).containsExactlyInAnyOrder(LedgerTransactionKind.SESSION,
                LedgerTransactionKind.WALLET_PAYMENT, LedgerTransactionKind.SESSION_CORRECTION, LedgerTransactionKind.WALLET_PAYMENT);
        assertThat(intentCreations()).isEmpty();
        afterEveryScenario();
    }

    @Test
    void aCorrectedSessionsReceiptIsCorrectedByAReceiptForTheDifferenceNamingIt() {
        JsonNode mode = mutate(admin, "tenant-portal/UpdateReceiptSettings", Map.of("mode", "PER_SESSION"));
        assertThat(mode.path("userErrors")).as(mode.toString()).isEmpty();
        strategy(true, null, null);
        SimulatedCharger charger = aCharger();
        operatorTopUp("20.00");
        aSessionCorrectedByItsLateStop(charger);
        JsonNode receipts = Eventually.value(() -> graphQl().document(driver, "driver-app/MyReceipts", Map.of()).data().path("myReceipts")
                .path("edges"), edges -> edges.size() == 2);
        JsonNode correction = receipts.get(0).path("node");
        JsonNode original = receipts.get(1).path("node");
        assertThat(original.path("kind").asString()).isEqualTo("RECEIPT");
        assertThat(original.path("gross").asString()).startsWith("3.03");
        assertThat(correction.path("kind").asString()).as("it costs more: a receipt for the difference").isEqualTo("RECEIPT");
        assertThat(correction.path("number").asString()).as("the next number, no gap").isEqualTo("R-000002");
        assertThat(correction.path("creditedReceiptId").asString()).isEqualTo(original.path("receiptId").asString());
        assertThat(correction.path("gross").asString()).startsWith("1.08");
        assertThat(correction.path("lines").get(0).path("description").asString()).contains("Correction of charging session", "R-000001");
        assertThat(correction.path("lines").get(0).path("vatPercent").asString()).startsWith("21");
        afterEveryScenario();
    }

    @Test
    void aSessionCorrectedByItsLateStopUnderACardStrategyChargesTheDifferenceToTheCardOnce() {
        JsonNode set = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BILL_AFTER_SESSION"));
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
        aSavedCard();
        SimulatedCharger charger = aCharger();
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("amount=303"))
                .willReturn(okJson(intent("pi_session", "succeeded", 303, 303))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(containing("amount=108"))
                .willReturn(okJson(intent("pi_correction", "succeeded", 108, 108))));
        UUID session = aSessionCorrectedByItsLateStop(charger);
        Eventually.value(() -> {
            outbox.sendDue();
            return intentCreations().size();
        }, n -> n == 2, Duration.ofSeconds(20));
        List<String> bodies = intentCreations().stream().map(LoggedRequest::getBodyAsString).toList();
        assertThat(bodies).anyMatch(body -> body.contains("amount=303")).anyMatch(body -> body.contains("amount=108"));
        assertThat(bodies).allMatch(body -> body.contains("off_session=true") && body.contains(session.toString()));
        assertThat(intentCreations().stream().map(request -> request.getHeader("Idempotency-Key")).distinct()).hasSize(2);
        Eventually.value(this::outstanding, owed -> owed.equals(eur("0.00")));
        afterEveryScenario();
    }

    @Test
    void badBalanceSettingsAndTopUpsAreRefusedAndChangeNothing() {
        JsonNode negative = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BALANCE_OR_PAYMENT_METHOD", "minimumBalance", "-1"));
        assertThat(negative.path("userErrors").get(0).path("code").asString()).as(negative.toString()).isEqualTo("OUT_OF_RANGE");
        JsonNode stopsAtOnce = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BALANCE_OR_PAYMENT_METHOD",
                "minimumBalance", "1.00", "autoStopBelow", "1.00"));
        assertThat(stopsAtOnce.path("userErrors").get(0).path("message").asString()).contains("above the auto-stop amount");
        JsonNode wrongStrategy = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BILL_AFTER_SESSION", "autoStopBelow", "1"));
        assertThat(wrongStrategy.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        JsonNode tooPrecise = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BALANCE_OR_PAYMENT_METHOD", "autoStopBelow", "0.005"));
        assertThat(tooPrecise.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(graphQl().document(admin, "tenant-portal/BillingStrategy", Map.of()).data().path("billingStrategy").path("strategy").asString())
                .isEqualTo("NO_PAYMENT_REQUIRED");

        String pack = aPackage("10.00", "1.00");
        JsonNode noCard = mutate(driver, "driver-app/BuyTopUp", Map.of("packageId", pack));
        assertThat(noCard.path("userErrors").get(0).path("message").asString()).contains("Save a card first");
        aSavedCard();
        JsonNode dollars = mutate(driver, "driver-app/BuyTopUp", Map.of("packageId", pack, "currency", "USD"));
        assertThat(dollars.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID_CURRENCY");
        JsonNode unknown = mutate(driver, "driver-app/BuyTopUp", Map.of("packageId", UUID.randomUUID().toString()));
        assertThat(unknown.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        JsonNode garbage = mutate(driver, "driver-app/BuyTopUp", Map.of("packageId", "not-a-package"));
        assertThat(garbage.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        mutate(admin, "tenant-portal/UpdateTopUpPackage", Map.of("packageId", pack, "enabled", false));
        JsonNode disabled = mutate(driver, "driver-app/BuyTopUp", Map.of("packageId", pack));
        assertThat(disabled.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_USABLE");
        assertThat(intentCreations()).as("nothing was asked of Stripe").isEmpty();
        assertThat(balance()).isEqualTo(eur("0.00"));
        afterEveryScenario();
    }
}
