package io.chargebase.api.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
import com.github.tomakehurst.wiremock.http.Fault;
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
import io.chargebase.domain.billing.BillingStrategies;
import io.chargebase.domain.billing.BillingStrategy;
import io.chargebase.domain.billing.CardPayment;
import io.chargebase.domain.billing.CardPaymentStatus;
import io.chargebase.domain.billing.CardPayments;
import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.PaymentMethods;
import io.chargebase.domain.billing.StrategySettings;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.money.Money;
import io.chargebase.ocpp.simulator.SimulatedCharger;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Issue 13 items 3, 4 and 8 for "bill after the session", end to end: a simulated charger's session over its socket,
 * the outbox sending its payment to WireMock standing in for Stripe, webhooks signed like Stripe's. Stripe answering
 * 500, timing out, dropping the connection after it took the request, declining, asking for authentication; webhooks
 * before the API's answer, three times, out of order; a restart between recording and sending, and between Stripe's
 * acceptance and our record. After each: {@link LedgerInvariants} hold and WireMock saw one PaymentIntent creation
 * (one idempotency key) for the session. The strategy's start rules at Authorize, remote start and the app's start.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class CardPaymentScenariosIT extends IntegrationTest {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final String CARD = "04A1B2C3D4E5F6";
    private static final String WEBHOOK_SECRET = "whsec_test_current_0123456789abcdef";
    private static final Currency EUR = Currency.getInstance("EUR");

    @InjectWireMock
    WireMockServer stripe;

    @Autowired
    Ledger ledger;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    PaymentMethods paymentMethods;

    @Autowired
    BillingStrategies strategies;

    @Autowired
    CardPayments payments;

    @Autowired
    PaymentOutboxWorker outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private LedgerInvariants invariants;
    private TestTenant tenant;
    private TenantId tenantId;
    private String admin;
    private String driver;
    private UUID profileId;
    private String account;
    private String customer;
    private String chargePoint;
    private String chargerSecret;
    private String identity;
    private SimulatedCharger charger;

    @AfterAll
    static void stopTimers() {
        TIMERS.shutdownNow();
    }

    /** A tenant billing after the session, its connected account, a driver with a card and an RFID card, a charger online. */
    @BeforeEach
    void aTenantBillingAfterTheSession() {
        invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        profileId = GlobalId.decode(profile).orElseThrow().id();
        driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, profileId));
        mutate(admin, "tenant-portal/CreateToken", Map.of("uid", CARD, "type", "RFID", "ownerProfileId", profile));
        // 1.00 per session, 0.30/kWh, 21 % VAT: 10 kWh is 4.84
        String tariff = mutate(admin, "tenant-portal/CreateTariff", Map.of("name", "Standard", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "1.00", "pricePerKwh", "0.30", "vatPercent", "21"))).path("tariff").path("id").asString();
        mutate(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true));
        String location = mutate(admin, "tenant-portal/CreateLocation", AssetFixtures.aLocation()).path("location").path("id").asString();
        identity = "PAY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        JsonNode registered = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", identity,
                "evses", List.of(AssetFixtures.anAcEvse(evseId()))));
        chargePoint = registered.path("chargePoint").path("id").asString();
        chargerSecret = registered.path("chargerSecret").asString();

        stripe.resetAll();
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        StripeStubs.connectedCustomer(stripe, account, customer);
        as(() -> accounts.link(account));
        JsonNode strategy = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "BILL_AFTER_SESSION"));
        assertThat(strategy.path("billingStrategy").path("strategy").asString()).as(strategy.toString()).isEqualTo("BILL_AFTER_SESSION");
        charger = SimulatedCharger.connect(HTTP, TIMERS, "ws://localhost:" + port + "/ocpp/" + tenant.tenant().slug() + "/", identity, chargerSecret).join();
        call("BootNotification", SimulatedCharger.object().put("chargePointVendor", "ACME").put("chargePointModel", "X1"));
    }

    @AfterEach
    void disconnect() {
        if (charger != null) {
            charger.close();
        }
    }

    private String evseId() {
        return "NL*CBS*E" + identity + "*1";
    }

    private void aSavedCard() {
        as(() -> paymentMethods.startSetup(profileId));
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    private JsonNode call(String action, ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    private String authorize() {
        return call("Authorize", SimulatedCharger.object().put("idTag", CARD)).path("idTagInfo").path("status").asString();
    }

    /** A session of 10 kWh over an hour, from the charger: its id once it is rated. */
    private UUID aChargedSession() {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode started = call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                .put("timestamp", start.toString()));
        assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        int transaction = started.path("transactionId").asInt();
        call("StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                .put("timestamp", start.plusSeconds(3600).toString()).put("reason", "EVDisconnected"));
        UUID session = as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from charging_session where transaction_id = ?").param(transaction).query(UUID.class).single()));
        Eventually.value(() -> as(() -> payments.ofSession(session)), found -> found.isPresent());
        return session;
    }

    private CardPayment paymentOf(UUID session) {
        return as(() -> payments.ofSession(session)).orElseThrow();
    }

    private Money outstanding() {
        return as(() -> ledger.outstanding(profileId, EUR)).rounded();
    }

    /** PaymentIntent creations WireMock saw for the session: distinct idempotency keys of POST /v1/payment_intents naming it. */
    private long creations(UUID session) {
        return intentRequests(session).stream().map(request -> request.getHeader("Idempotency-Key")).distinct().count();
    }

    private List<LoggedRequest> intentRequests(UUID session) {
        return stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).stream()
                .filter(request -> request.getBodyAsString().contains(session.toString())).toList();
    }

    private void afterEveryScenario(UUID session) {
        assertThat(creations(session)).as("PaymentIntents created for the session").isEqualTo(1);
        invariants.check(tenantId);
    }

    private static String intent(String id, String status, long received) {
        return StripeFixtures.of("payment_intent", Map.of("id", id, "status", status, "amount", 484, "amount_received", received,
                "currency", "eur", "client_secret", id + "_secret_abc", "capture_method", "automatic"));
    }

    private void stripeAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(answer));
    }

    /** Stripe answers {@code first}, then the payment succeeds. */
    private void stripeFirstAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first, String paymentIntent) {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("up"));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("outage").whenScenarioStateIs("up")
                .willReturn(okJson(intent(paymentIntent, "succeeded", 484))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder cardError(String code, String paymentIntent) {
        return aResponse().withStatus(402).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"type": "card_error", "code": "%s", "decline_code": "%s", "message": "The card was declined.",
                 "payment_intent": %s}}""".formatted(code, code.equals("card_declined") ? "insufficient_funds" : code,
                intent(paymentIntent, "requires_payment_method", 0)));
    }

    /** Runs the outbox until the payment is answered (each pass sends what is due: a retry is due after a short backoff). */
    private CardPayment sentUntilAnswered(UUID session) {
        return Eventually.value(() -> {
            outbox.sendDue();
            return paymentOf(session);
        }, payment -> payment.sendState().equals("SENT"), Duration.ofSeconds(20));
    }

    private String webhook(String eventId, String type, long created, String paymentIntent, String status, UUID session, UUID payment) {
        String object = """
                {"id": "%s", "object": "payment_intent", "amount": 484, "amount_received": %d, "currency": "eur", "status": "%s",
                 "client_secret": "%s_secret_abc", "last_payment_error": %s,
                 "metadata": {"chargebase_profile_id": "%s", "chargebase_session_id": "%s", "chargebase_payment_id": "%s"}}"""
                .formatted(paymentIntent, status.equals("succeeded") ? 484 : 0, status, paymentIntent,
                        status.equals("requires_payment_method") ? "{\"message\": \"Your card was declined.\"}" : "null", profileId, session, payment);
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s", "account": "%s", "data": {"object": %s}}"""
                .formatted(eventId, created, type, account, object);
    }

    private int deliver(String payload) {
        return StripeWebhookDelivery.deliver(HTTP, baseUrl(), WEBHOOK_SECRET, payload).statusCode();
    }

    private String mySessionPaymentStatus(UUID session) {
        for (JsonNode edge : graphQl().document(driver, "driver-app/MySessions", Map.of()).data().path("mySessions").path("edges")) {
            if (GlobalId.decode(edge.path("node").path("id").asString()).orElseThrow().id().equals(session)) {
                return edge.path("node").path("paymentStatus").asString();
            }
        }
        throw new AssertionError("the driver does not see session " + session);
    }

    private String staffSessionPaymentStatus(UUID session) {
        for (JsonNode edge : graphQl().document(admin, "tenant-portal/ChargingSessions", Map.of()).data().path("chargingSessions").path("edges")) {
            if (GlobalId.decode(edge.path("node").path("id").asString()).orElseThrow().id().equals(session)) {
                return edge.path("node").path("paymentStatus").asString();
            }
        }
        throw new AssertionError("staff do not see session " + session);
    }

    private long paymentsPosted(UUID session) {
        return as(() -> ledger.ofSession(session)).stream().filter(t -> t.kind().name().equals("PAYMENT")).count();
    }

    @Test
    void withoutASavedCardNoSessionStartsAtAuthorizeRemoteStartOrTheApp() {
        assertThat(authorize()).isEqualTo("Invalid");
        JsonNode remote = mutate(admin, "tenant-portal/RemoteStartTransaction", Map.of("chargePointId", chargePoint, "idTag", CARD,
                "connectorId", 1, "reason", "Driver called"));
        assertThat(remote.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_USABLE");
        assertThat(remote.path("userErrors").get(0).path("message").asString()).contains("no saved payment method");
        JsonNode app = mutate(driver, "driver-app/StartMySession", Map.of("evseId", evseId()));
        assertThat(app.path("userErrors").get(0).path("message").asString()).as(app.toString()).contains("no saved payment method");
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")))).isEmpty();

        aSavedCard();
        assertThat(authorize()).isEqualTo("Accepted");
        // without a strategy asking for cards, nothing is checked
        as(() -> strategies.update(StrategySettings.DEFAULTS));
        stripe.resetAll();
        assertThat(authorize()).isEqualTo("Accepted");
        assertThat(stripe.getAllServeEvents()).as("no card is looked up").isEmpty();
    }

    @Test
    void aStrategyThatDoesNotFitIsRefusedAndChangesNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("strategy", "BILL_AFTER_SESSION", "preAuthoriseAmount", "20.00"),
                Map.of("strategy", "PRE_AUTHORISE"),
                Map.of("strategy", "PRE_AUTHORISE", "preAuthoriseAmount", "-5.00"),
                Map.of("strategy", "PRE_AUTHORISE", "preAuthoriseAmount", "0"),
                Map.of("strategy", "PRE_AUTHORISE", "preAuthoriseAmount", "20.001"),
                Map.of("strategy", "PRE_AUTHORISE", "preAuthoriseAmount", "20.00", "stopBelow", "20.00"));
        for (Map<String, Object> input : bad) {
            JsonNode refused = mutate(admin, "tenant-portal/UpdateBillingStrategy", input);
            assertThat(refused.path("userErrors")).as(input.toString()).isNotEmpty();
            assertThat(refused.path("billingStrategy").isNull()).isTrue();
        }
        assertThat(graphQl().document(admin, "tenant-portal/BillingStrategy", Map.of()).data().path("billingStrategy").path("strategy").asString())
                .isEqualTo("BILL_AFTER_SESSION");
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")))).isEmpty();
    }

    @Test
    void aSessionIsChargedOnceAfterItEndsAndThePaymentSettlesTheBalance() {
        aSavedCard();
        stripeAnswers(okJson(intent("pi_ok1", "succeeded", 484)));
        UUID session = aChargedSession();
        assertThat(paymentOf(session).status()).isEqualTo(CardPaymentStatus.PENDING);
        assertThat(paymentOf(session).amount()).isEqualTo(Money.of("4.84", "EUR"));
        assertThat(outstanding()).isEqualTo(Money.of("4.84", "EUR"));
        assertThat(authorize()).as("a payment on its way does not block").isEqualTo("Accepted");

        CardPayment paid = sentUntilAnswered(session);
        assertThat(paid.status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(paid.paymentIntentId()).isEqualTo("pi_ok1");
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(paymentsPosted(session)).isEqualTo(1);
        LoggedRequest sent = intentRequests(session).getFirst();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(CardPayments.sessionKey(session));
        assertThat(sent.getHeader("Stripe-Account")).isEqualTo(account);
        assertThat(sent.getBodyAsString()).contains("amount=484", "currency=eur", "off_session=true", "payment_method=pm_second");
        // the webhook that follows posts nothing more
        assertThat(deliver(webhook("evt_ok1", "payment_intent.succeeded", Instant.now().getEpochSecond(), "pi_ok1", "succeeded", session, paid.id())))
                .isEqualTo(200);
        assertThat(paymentsPosted(session)).isEqualTo(1);
        afterEveryScenario(session);
    }

    @Test
    void stripeAnswering500IsRetriedWithTheSameKeyAndChargesOnce() {
        aSavedCard();
        stripeFirstAnswers(serverError().withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong.\"}}"), "pi_500");
        UUID session = aChargedSession();
        outbox.sendDue();
        CardPayment waiting = paymentOf(session);
        assertThat(waiting.status()).isEqualTo(CardPaymentStatus.PENDING);
        assertThat(waiting.sendState()).isEqualTo("DUE");
        assertThat(sentUntilAnswered(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(intentRequests(session)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        afterEveryScenario(session);
    }

    @Test
    void stripeTimingOutOrDroppingTheAnswerAfterTakingTheRequestIsRetriedWithTheSameKey() {
        aSavedCard();
        // the payment timeout is 2 s in the tests: Stripe takes the request and answers too late
        stripeFirstAnswers(okJson(intent("pi_slow", "succeeded", 484)).withFixedDelay(4_000), "pi_slow");
        UUID session = aChargedSession();
        outbox.sendDue();
        assertThat(paymentOf(session).sendState()).isEqualTo("DUE");
        assertThat(sentUntilAnswered(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        afterEveryScenario(session);

        // Stripe accepted the next one and the connection broke before we read the answer
        stripe.resetAll();
        StripeStubs.connectedCustomer(stripe, account, customer);
        stripeFirstAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "pi_reset");
        UUID second = aChargedSession();
        assertThat(sentUntilAnswered(second).paymentIntentId()).isEqualTo("pi_reset");
        assertThat(intentRequests(second)).hasSize(2);
        assertThat(paymentsPosted(second)).isEqualTo(1);
        afterEveryScenario(second);
    }

    @Test
    void aDeclinedCardLeavesABalanceThatBlocksUntilTheDriverPaysItFromTheApp() {
        aSavedCard();
        stripeAnswers(cardError("card_declined", "pi_declined"));
        UUID session = aChargedSession();
        CardPayment failed = sentUntilAnswered(session);
        assertThat(failed.status()).isEqualTo(CardPaymentStatus.FAILED);
        assertThat(failed.paymentIntentId()).isEqualTo("pi_declined");
        assertThat(outstanding()).isEqualTo(Money.of("4.84", "EUR"));
        assertThat(authorize()).isEqualTo("Invalid");
        JsonNode app = mutate(driver, "driver-app/StartMySession", Map.of("evseId", evseId()));
        assertThat(app.path("userErrors").get(0).path("message").asString()).contains("a payment waits for you");

        assertThat(mySessionPaymentStatus(session)).isEqualTo("FAILED");
        assertThat(staffSessionPaymentStatus(session)).isEqualTo("FAILED");

        // the app gets the client secret to pay it (with another card), Stripe's webhook reports it paid
        JsonNode toPay = graphQl().document(driver, "driver-app/PayMyOutstandingBalance", Map.of()).payload("payMyOutstandingBalance");
        assertThat(toPay.path("userErrors")).as(toPay.toString()).isEmpty();
        assertThat(toPay.path("payments")).hasSize(1);
        assertThat(toPay.path("payments").get(0).path("clientSecret").asString()).isEqualTo("pi_declined_secret_abc");
        assertThat(toPay.path("payments").get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(toPay.path("payments").get(0).path("amount").asString()).isEqualTo("4.84");
        assertThat(deliver(webhook("evt_paid", "payment_intent.succeeded", Instant.now().getEpochSecond(), "pi_declined", "succeeded",
                session, failed.id()))).isEqualTo(200);
        assertThat(paymentOf(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(authorize()).isEqualTo("Accepted");
        assertThat(mySessionPaymentStatus(session)).isEqualTo("SUCCEEDED");
        afterEveryScenario(session);
    }

    @Test
    void aCardAskingForAuthenticationWaitsForTheDriver() {
        aSavedCard();
        stripeAnswers(cardError("authentication_required", "pi_3ds"));
        UUID session = aChargedSession();
        CardPayment waiting = sentUntilAnswered(session);
        assertThat(waiting.status()).isEqualTo(CardPaymentStatus.REQUIRES_ACTION);
        assertThat(waiting.clientSecret()).isEqualTo("pi_3ds_secret_abc");
        assertThat(authorize()).isEqualTo("Invalid");
        afterEveryScenario(session);
    }

    @Test
    void aWebhookBeforeTheApiAnswerAndTheSameWebhookThreeTimesPostThePaymentOnce() {
        aSavedCard();
        stripeAnswers(okJson(intent("pi_race", "succeeded", 484)).withFixedDelay(1_000));
        UUID session = aChargedSession();
        CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(outbox::sendDue);
        Eventually.value(() -> intentRequests(session).size(), seen -> seen == 1);
        CardPayment pending = paymentOf(session);
        String succeeded = webhook("evt_race", "payment_intent.succeeded", Instant.now().getEpochSecond(), "pi_race", "succeeded", session, pending.id());
        assertThat(List.of(deliver(succeeded), deliver(succeeded), deliver(succeeded))).containsOnly(200);
        assertThat(paymentOf(session).status()).as("the webhook came first").isEqualTo(CardPaymentStatus.SUCCEEDED);
        sending.join();
        assertThat(paymentOf(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(paymentOf(session).sendState()).isEqualTo("SENT");
        assertThat(paymentsPosted(session)).isEqualTo(1);
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        afterEveryScenario(session);
    }

    @Test
    void webhooksOutOfOrderLeaveTheNewestStatus() {
        aSavedCard();
        stripeAnswers(cardError("authentication_required", "pi_order"));
        UUID session = aChargedSession();
        CardPayment waiting = sentUntilAnswered(session);
        long now = Instant.now().getEpochSecond();
        // the driver authenticated: succeeded (newer) arrives before requires_action (older)
        assertThat(deliver(webhook("evt_o2", "payment_intent.succeeded", now, "pi_order", "succeeded", session, waiting.id()))).isEqualTo(200);
        assertThat(deliver(webhook("evt_o1", "payment_intent.requires_action", now - 30, "pi_order", "requires_action", session, waiting.id())))
                .isEqualTo(200);
        assertThat(deliver(webhook("evt_o0", "payment_intent.payment_failed", now - 60, "pi_order", "requires_payment_method", session,
                waiting.id()))).isEqualTo(200);
        assertThat(paymentOf(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        afterEveryScenario(session);
    }

    @Test
    void aRestartBetweenRecordingAndSendingAndBetweenStripesAcceptanceAndOurRecordChargesOnce() {
        aSavedCard();
        stripeAnswers(okJson(intent("pi_restart", "succeeded", 484)));
        // recorded with the session's posting; the instance stops before any worker ran
        UUID session = aChargedSession();
        assertThat(intentRequests(session)).isEmpty();
        assertThat(paymentOf(session).sendState()).isEqualTo("DUE");
        // a worker took it and Stripe accepted its request, and the instance died before the answer was recorded:
        // the payment stays leased, WireMock has the request
        CardPayment leased = as(() -> new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.sql("update card_payment set attempts = attempts + 1, next_attempt_at = now() + interval '2 minutes' where session_id = ?")
                    .param(session).update();
            return paymentOf(session);
        }));
        stripeAcceptsAsTheDeadWorkerDid(leased, session);
        assertThat(outbox.sendDue()).as("still leased to the dead worker").isZero();
        // the restarted instance: the lease has run out, the outbox sends again with the same key
        as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("update card_payment set next_attempt_at = now() where session_id = ?").param(session).update()));
        assertThat(sentUntilAnswered(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(intentRequests(session)).hasSize(2);
        assertThat(paymentsPosted(session)).isEqualTo(1);
        afterEveryScenario(session);
    }

    /** The request a worker had sent: the same the outbox sends, key included (the body names the session). */
    private void stripeAcceptsAsTheDeadWorkerDid(CardPayment payment, UUID session) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/payment_intents"))
                .header("Idempotency-Key", payment.idempotencyKey()).header("Stripe-Account", account)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=484&currency=eur&customer=" + customer + "&confirm=true&off_session=true"
                        + "&metadata[chargebase_session_id]=" + session + "&metadata[chargebase_payment_id]=" + payment.id())).build();
        try {
            assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWebhookForAnotherCurrencyOrNoPaymentOfOursChangesNothing() {
        aSavedCard();
        stripeAnswers(cardError("card_declined", "pi_bad"));
        UUID session = aChargedSession();
        CardPayment failed = sentUntilAnswered(session);
        String usd = webhook("evt_usd", "payment_intent.succeeded", Instant.now().getEpochSecond(), "pi_bad", "succeeded", session, failed.id())
                .replace("\"currency\": \"eur\"", "\"currency\": \"usd\"");
        assertThat(deliver(usd)).isEqualTo(200);
        assertThat(outstanding()).isEqualTo(Money.of("4.84", "EUR"));
        assertThat(paymentsPosted(session)).isZero();
        assertThat(paymentOf(session).status()).isEqualTo(CardPaymentStatus.FAILED);
        afterEveryScenario(session);
    }

    /**
     * The figures of the note, printed and not asserted (2 shared cores, WireMock on the same machine): card
     * payments per second through the outbox, and the time to handle a signed payment_intent.succeeded webhook over HTTP.
     */
    @Test
    void figuresPaymentsPerSecondThroughTheOutboxAndWebhookHandlingTime() {
        aSavedCard();
        stripeAnswers(okJson(intent("pi_bench", "succeeded", 484)));
        int count = 200;
        List<UUID> sessions = new java.util.ArrayList<>();
        as(() -> new TransactionTemplate(transactionManager).execute(status -> {
            for (int i = 0; i < count; i++) {
                UUID session = UUID.randomUUID();
                sessions.add(session);
                jdbc.sql("""
                                insert into card_payment (tenant_id, id, profile_id, session_id, purpose, currency, amount, idempotency_key, status,
                                                          send_state)
                                values (?, ?, ?, ?, 'SESSION', 'EUR', 4.84, ?, 'PENDING', 'DUE')""")
                        .params(tenantId.value(), UUID.randomUUID(), profileId, session, CardPayments.sessionKey(session)).update();
            }
            return null;
        }));
        long started = System.nanoTime();
        int sent = outbox.sendDue();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(sent).isEqualTo(count);
        System.out.printf("FIGURE payments through the outbox against WireMock: %d in %.2f s = %.0f payments/s%n", count, seconds, count / seconds);
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).distinct().count()).isEqualTo(count);

        int webhooks = 100;
        long[] took = new long[webhooks];
        for (int i = 0; i < webhooks; i++) {
            CardPayment payment = paymentOf(sessions.get(i));
            String event = webhook("evt_bench_" + i, "payment_intent.succeeded", Instant.now().getEpochSecond(), "pi_bench", "succeeded",
                    sessions.get(i), payment.id());
            long t = System.nanoTime();
            assertThat(deliver(event)).isEqualTo(200);
            took[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(took);
        System.out.printf("FIGURE webhook handling over HTTP (signature, dedup, tenant lookup, ledger): median %.1f ms, p95 %.1f ms of %d%n",
                took[webhooks / 2] / 1e6, took[webhooks * 95 / 100] / 1e6, webhooks);
        invariants.check(tenantId);
    }

    private String holdIntent(String id, String status, long amount, long received) {
        return StripeFixtures.of("payment_intent", Map.of("id", id, "status", status, "amount", amount, "amount_received", received,
                "amount_capturable", status.equals("requires_capture") ? amount : 0, "currency", "eur", "client_secret", id + "_secret_abc",
                "capture_method", "manual"));
    }

    private void preAuthorising(String amount, String stopBelow) {
        JsonNode set = mutate(admin, "tenant-portal/UpdateBillingStrategy", Map.of("strategy", "PRE_AUTHORISE", "preAuthoriseAmount", amount,
                "stopBelow", stopBelow));
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
    }

    private long holdCreations() {
        return stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).stream()
                .filter(request -> request.getBodyAsString().contains("capture_method=manual"))
                .map(request -> request.getHeader("Idempotency-Key")).distinct().count();
    }

    private UUID sessionOfTransaction(int transaction) {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from charging_session where transaction_id = ?").param(transaction).query(UUID.class).single()));
    }

    @Test
    void preAuthorisingHoldsAtTheStartStopsNearTheHoldAndCapturesExactlyTheFinalAmount() {
        aSavedCard();
        preAuthorising("5.00", "0.50");
        stripeAnswers(okJson(holdIntent("pi_hold", "requires_capture", 500, 0)));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_hold/capture")).willReturn(okJson(holdIntent("pi_hold", "succeeded", 500, 484))));
        List<JsonNode> remote = new java.util.concurrent.CopyOnWriteArrayList<>();
        charger.onRemote((action, payload) -> remote.add(SimulatedCharger.object().put("action", action).set("payload", payload)));

        assertThat(authorize()).isEqualTo("Accepted");
        assertThat(holdCreations()).isEqualTo(1);
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).getFirst().getBodyAsString()).contains("amount=500");
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode started = call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                .put("timestamp", start.toString()));
        assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        assertThat(holdCreations()).as("the Authorize's hold pays for the session").isEqualTo(1);
        int transaction = started.path("transactionId").asInt();

        // 10 kWh in: 4.84 so far, within 0.50 of the 5.00 held: the charger is asked to stop
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode meterValues = SimulatedCharger.object().put("connectorId", 1).put("transactionId", transaction);
        ObjectNode reading = meterValues.putArray("meterValue").addObject().put("timestamp", now.toString());
        reading.putArray("sampledValue").addObject().put("value", "10000").put("measurand", "Energy.Active.Import.Register").put("unit", "Wh");
        call("MeterValues", meterValues);
        Eventually.value(() -> remote.stream().filter(r -> r.path("action").asString().equals("RemoteStopTransaction")).count(), n -> n == 1);
        call("StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                .put("timestamp", now.toString()).put("reason", "Remote"));
        UUID session = sessionOfTransaction(transaction);
        CardPayment captured = Eventually.value(() -> {
            outbox.sendDue();
            return as(() -> payments.ofHold(session)).orElseThrow();
        }, hold -> hold.status() == CardPaymentStatus.SUCCEEDED, Duration.ofSeconds(20));
        assertThat(captured.captureAmount()).isEqualTo(Money.of("4.84", "EUR"));
        List<LoggedRequest> captures = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_hold/capture")));
        assertThat(captures).hasSize(1);
        assertThat(captures.getFirst().getBodyAsString()).contains("amount_to_capture=484");
        assertThat(captures.getFirst().getHeader("Idempotency-Key")).isEqualTo(captured.idempotencyKey() + ":capture");
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(paymentsPosted(session)).isEqualTo(1);
        assertThat(staffSessionPaymentStatus(session)).isEqualTo("SUCCEEDED");
        assertThat(holdCreations()).isEqualTo(1);
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).stream()
                .filter(request -> !request.getBodyAsString().contains("capture_method=manual"))).as("no other charge").isEmpty();
        invariants.check(tenantId);
    }

    private JsonNode applicationFee(String token, Object percent, Object fixedAmount) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("tenantId", GlobalId.encode("Tenant", tenantId.value()));
        input.put("percent", percent);
        input.put("fixedAmount", fixedAmount);
        return mutate(token, "platform-console/SetApplicationFee", input);
    }

    @Test
    void thePlatformsApplicationFeeGoesOnThePaymentIntentAtTheCurrencysScaleAndIntoTheLedger() {
        // 2.5 % of 4.84 is 0.121, 0.12 at EUR's scale, plus 0.10: 0.22, 22 cents
        JsonNode set = applicationFee(platformToken(), "2.50", "0.10");
        assertThat(set.path("userErrors")).as(set.toString()).isEmpty();
        assertThat(new java.math.BigDecimal(set.path("applicationFee").path("percent").asString())).isEqualByComparingTo("2.5");
        assertThat(graphQl().document(admin, "platform-console/SetApplicationFee", Map.of("input", Map.of("tenantId",
                GlobalId.encode("Tenant", tenantId.value()), "percent", "0"))).errorTypes()).as("the fee is the platform's").containsExactly("FORBIDDEN");
        aSavedCard();
        stripeAnswers(okJson(intent("pi_fee1", "succeeded", 484)));
        UUID session = aChargedSession();
        CardPayment paid = sentUntilAnswered(session);
        assertThat(paid.status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(intentRequests(session).getFirst().getBodyAsString()).contains("amount=484", "application_fee_amount=22");

        String succeeded = webhook("evt_fee1", "payment_intent.succeeded", Instant.now().getEpochSecond(), "pi_fee1", "succeeded", session, paid.id())
                .replace("\"amount\": 484,", "\"amount\": 484, \"application_fee_amount\": 22,");
        assertThat(deliver(succeeded)).isEqualTo(200);
        assertThat(deliver(succeeded)).isEqualTo(200);
        List<io.chargebase.domain.billing.LedgerTransaction> fees = as(() -> ledger.ofSession(session)).stream()
                .filter(t -> t.kind().name().equals("APPLICATION_FEE")).toList();
        assertThat(fees).as("the fee is posted once").hasSize(1);
        assertThat(fees.getFirst().entries()).as("platform fees debited, Stripe clearing credited").anySatisfy(entry -> {
            assertThat(entry.account()).isEqualTo(io.chargebase.domain.billing.LedgerAccount.PLATFORM_FEES);
            assertThat(entry.amount().amount().abs()).isEqualByComparingTo("0.22");
        });
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        afterEveryScenario(session);
    }

    @Test
    void aRetrySendsTheFeeOfTheFirstAttemptAlthoughThePlatformChangedItMeanwhile() {
        String platform = platformToken();
        assertThat(applicationFee(platform, "2.50", "0.10").path("userErrors")).isEmpty();
        aSavedCard();
        stripeFirstAnswers(serverError().withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong.\"}}"), "pi_feeretry");
        UUID session = aChargedSession();
        outbox.sendDue();
        assertThat(paymentOf(session).sendState()).isEqualTo("DUE");
        // a new fee applies to payments sent from now on, never to a retry under the same idempotency key
        assertThat(applicationFee(platform, "5.00", "0").path("userErrors")).isEmpty();
        assertThat(sentUntilAnswered(session).status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        List<LoggedRequest> sent = intentRequests(session);
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent).allSatisfy(request -> assertThat(request.getBodyAsString()).contains("application_fee_amount=22"));
        assertThat(sent.stream().map(request -> request.getHeader("Idempotency-Key")).distinct()).hasSize(1);
        afterEveryScenario(session);
    }

    @Test
    void badApplicationFeesAreRefusedAndChangeNothing() {
        String platform = platformToken();
        assertThat(applicationFee(platform, "1.00", "0.05").path("userErrors")).isEmpty();
        for (Object[] bad : new Object[][] {{"-1", "0"}, {"100.01", "0"}, {"2.555", "0"}, {"1", "-0.01"}, {"1", "0.001"}}) {
            JsonNode refused = applicationFee(platform, bad[0], bad[1]);
            assertThat(refused.path("userErrors")).as("%s %% + %s", bad[0], bad[1]).isNotEmpty();
            assertThat(refused.path("applicationFee").isNull()).isTrue();
        }
        // what was set before still applies: 1 % of 4.84 is 0.05, plus 0.05
        aSavedCard();
        stripeAnswers(okJson(intent("pi_fee2", "succeeded", 484)));
        UUID session = aChargedSession();
        sentUntilAnswered(session);
        assertThat(intentRequests(session).getFirst().getBodyAsString()).contains("application_fee_amount=10");
        afterEveryScenario(session);
    }

    @Test
    void aHoldsApplicationFeeIsTakenAtItsCaptureOnWhatIsCaptured() {
        assertThat(applicationFee(platformToken(), "10", null).path("userErrors")).isEmpty();
        aSavedCard();
        preAuthorising("5.00", "0.10");
        stripeAnswers(okJson(holdIntent("pi_feehold", "requires_capture", 500, 0)));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents/pi_feehold/capture")).willReturn(okJson(holdIntent("pi_feehold", "succeeded", 500, 484))));
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode started = call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                .put("timestamp", start.toString()));
        assertThat(started.path("idTagInfo").path("status").asString()).isEqualTo("Accepted");
        int transaction = started.path("transactionId").asInt();
        call("StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                .put("timestamp", start.plusSeconds(1800).toString()).put("reason", "EVDisconnected"));
        UUID session = sessionOfTransaction(transaction);
        Eventually.value(() -> {
            outbox.sendDue();
            return as(() -> payments.ofHold(session)).orElseThrow();
        }, hold -> hold.status() == CardPaymentStatus.SUCCEEDED, Duration.ofSeconds(20));
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).getFirst().getBodyAsString())
                .as("the hold carries no fee: the amount captured is not known yet").doesNotContain("application_fee_amount");
        List<LoggedRequest> captures = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_feehold/capture")));
        assertThat(captures).hasSize(1);
        // 10 % of the 4.84 captured
        assertThat(captures.getFirst().getBodyAsString()).contains("amount_to_capture=484", "application_fee_amount=48");
        invariants.check(tenantId);
    }

    @Test
    void aDeclinedHoldRefusesTheStartAndAHoldThatLapsedDuringTheSessionIsChargedAfterIt() {
        aSavedCard();
        preAuthorising("5.00", "0.50");
        stripeAnswers(cardError("card_declined", "pi_nohold"));
        assertThat(authorize()).isEqualTo("Invalid");
        JsonNode app = mutate(driver, "driver-app/StartMySession", Map.of("evseId", evseId()));
        assertThat(app.path("userErrors").get(0).path("message").asString()).as(app.toString()).contains("could not be pre-authorised");

        stripe.resetAll();
        StripeStubs.connectedCustomer(stripe, account, customer);
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                "capture_method=manual")).willReturn(okJson(holdIntent("pi_lapse", "requires_capture", 500, 0))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining(
                "capture_method=manual")).willReturn(okJson(intent("pi_after", "succeeded", 484))));
        assertThat(authorize()).isEqualTo("Accepted");
        UUID hold = as(() -> new TransactionTemplate(transactionManager).execute(status -> jdbc.sql(
                "select id from card_payment where purpose = 'HOLD' and payment_intent_id = 'pi_lapse'").query(UUID.class).single()));
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int transaction = call("StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", CARD).put("meterStart", 0)
                .put("timestamp", start.toString())).path("transactionId").asInt();
        // the authorisation's validity ends while the session runs: Stripe cancels it
        String canceled = webhook("evt_lapse", "payment_intent.canceled", Instant.now().getEpochSecond(), "pi_lapse", "canceled", null, hold)
                .replace("\"chargebase_session_id\": \"null\", ", "");
        assertThat(deliver(canceled)).isEqualTo(200);
        call("StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("meterStop", 10_000)
                .put("timestamp", start.plusSeconds(3600).toString()).put("reason", "EVDisconnected"));
        UUID session = sessionOfTransaction(transaction);
        Eventually.value(() -> as(() -> payments.ofSession(session)), found -> found.isPresent());
        CardPayment charged = sentUntilAnswered(session);
        assertThat(charged.status()).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(charged.paymentIntentId()).isEqualTo("pi_after");
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_lapse/capture")))).isEmpty();
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(staffSessionPaymentStatus(session)).isEqualTo("SUCCEEDED");
        afterEveryScenario(session);
    }
}
