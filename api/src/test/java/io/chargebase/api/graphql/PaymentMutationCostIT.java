package io.chargebase.api.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.Eventually;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.api.support.StripeFixtures;
import io.chargebase.api.support.StripeStubs;
import io.chargebase.api.support.StripeWebhookDelivery;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransaction;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.PaymentEvents;
import io.chargebase.domain.billing.Posting;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * What the clients' mutation documents that need Stripe cost per request, WireMock answering for Stripe with
 * fixtures3.json's objects and webhooks signed as Stripe signs them: an admin onboards the tenant onto Connect; a
 * driver saves a card (its setup confirmed by {@code setup_intent.succeeded}), makes it the default, pays a balance
 * they owe (its payment confirmed by {@code payment_intent.succeeded}), which the admin then refunds in part, buys a
 * top-up and removes the card. Each request is counted on its own ({@link StatementCounter#measure}) and held to
 * {@link MutationCostIT#CEILING}, each answering what it was asked for without a user error; the seven are
 * {@link #STRIPE_DOCUMENTS}, which {@link MutationCostIT} leaves to this test.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class PaymentMutationCostIT extends IntegrationTest {

    /** The mutation documents of {@code ui-contracts} that call Stripe, counted here rather than in {@link MutationCostIT}. */
    static final Set<String> STRIPE_DOCUMENTS = Set.of("driver-app/AddPaymentMethod", "driver-app/BuyTopUp", "driver-app/PayMyOutstandingBalance",
            "driver-app/RemovePaymentMethod", "driver-app/SetDefaultPaymentMethod", "tenant-portal/RefundPayment",
            "tenant-portal/StartConnectedAccountOnboarding");

    private static final String WEBHOOK_SECRET = "whsec_test_current_0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectWireMock
    WireMockServer stripe;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TenantId tenantId;
    private UUID profileId;
    private String account;
    private String customer;
    private final Map<String, StatementCounter.Cost> costs = new TreeMap<>();

    @Test
    void everyMutationThatCallsStripeCostsAHandfulOfStatements() {
        TestTenant tenant = aTenant();
        tenantId = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        profileId = GlobalId.decode(mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString()).orElseThrow().id();
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, profileId));
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        stripe.resetAll();
        StripeStubs.connectedCustomer(stripe, account, customer);

        JsonNode onboarding = counted(admin, "tenant-portal/StartConnectedAccountOnboarding", Map.of("input", Map.of("country", "NL",
                "email", "finance@example.com", "refreshUrl", "https://portal.example.com/stripe/refresh",
                "returnUrl", "https://portal.example.com/stripe/done")), "url");
        assertThat(onboarding.path("connectedAccount").path("accountId").asString()).isEqualTo(account);

        assertThat(counted(driver, "driver-app/AddPaymentMethod", Map.of(), "clientSecret").path("clientSecret").asString())
                .isEqualTo("seti_1_secret_abc");
        HttpResponse<String> saved = deliver(setupSucceeded("evt_cost_seti", "pm_first"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("kept beside the driver's default");

        JsonNode defaulted = counted(driver, "driver-app/SetDefaultPaymentMethod", Map.of("input", Map.of("paymentMethodId", "pm_first")),
                "paymentMethods");
        assertThat(defaulted.path("paymentMethods")).isNotEmpty();

        String paid = payTheBalance(driver);
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson(StripeFixtures.of("refund", Map.of("id", "re_cost_balance",
                "charge", "ch_cost_balance", "payment_intent", "pi_cost_balance", "currency", "eur")))));
        JsonNode refunded = counted(admin, "tenant-portal/RefundPayment", Map.of("input", Map.of("paymentId", paid, "amount", "3.00",
                "reason", "Charger fault during session")), "refund");
        assertThat(refunded.path("refund").path("status").asString()).as(refunded.toString()).isEqualTo("SUCCEEDED");
        assertThat(refunded.path("refund").path("refundId").asString()).isNotBlank();

        String pack = mutate(admin, "tenant-portal/CreateTopUpPackage", Map.of("price", "10.00", "bonus", "2.00", "enabled", true))
                .path("topUpPackage").path("packageId").asString();
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent("pi_cost_topup", 1000))));
        JsonNode bought = counted(driver, "driver-app/BuyTopUp", Map.of("input", Map.of("packageId", pack)), "payment");
        assertThat(bought.path("payment").path("clientSecret").asString()).isEqualTo("pi_cost_topup_secret_abc");
        assertThat(bought.path("payment").path("status").asString()).isEqualTo("REQUIRES_ACTION");

        // once detached, Stripe lists the one card left
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_methods/pm_first/detach")).inScenario("cards").whenScenarioStateIs(STARTED)
                .willSetStateTo("detached").willReturn(okJson(StripeFixtures.of("payment_method", Map.of("id", "pm_first")))));
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/" + customer + "/payment_methods")).inScenario("cards").whenScenarioStateIs("detached")
                .willReturn(okJson(StripeStubs.list(customer, "pm_second"))));
        JsonNode removed = counted(driver, "driver-app/RemovePaymentMethod", Map.of("input", Map.of("paymentMethodId", "pm_first")),
                "paymentMethods");
        assertThat(removed.path("paymentMethods")).hasSize(1);
        assertThat(removed.path("paymentMethods").get(0).path("paymentMethodId").asString()).isEqualTo("pm_second");

        System.out.println("PaymentMutationCostIT: " + costs);
        List<String> over = new ArrayList<>();
        costs.forEach((document, cost) -> {
            if (cost.statements() > MutationCostIT.CEILING) {
                over.add(document + " " + cost);
            }
        });
        assertThat(over).as("mutation documents over " + MutationCostIT.CEILING + " statements").isEmpty();
        assertThat(costs.keySet()).isEqualTo(STRIPE_DOCUMENTS);
    }

    /**
     * A session of 8.47 the driver owes, paid from the app: the payment the request records and sends to Stripe, and
     * Stripe's webhook reporting it paid. Returns the payment's ledger transaction, once it is posted.
     */
    private String payTheBalance(String driver) {
        UUID session = UUID.randomUUID();
        as(() -> ledger.post(Posting.of("session:" + session, LedgerTransactionKind.SESSION, profileId, session, "TX-1-1", "Charging session",
                Instant.now()).debit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.47", "EUR"))
                .credit(LedgerAccount.REVENUE, Money.of("7.00", "EUR")).credit(LedgerAccount.VAT_PAYABLE, Money.of("1.47", "EUR"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intent("pi_cost_balance", 847))));
        JsonNode toPay = counted(driver, "driver-app/PayMyOutstandingBalance", Map.of(), "payments");
        assertThat(toPay.path("payments")).hasSize(1);
        assertThat(toPay.path("payments").get(0).path("clientSecret").asString()).isEqualTo("pi_cost_balance_secret_abc");
        assertThat(toPay.path("payments").get(0).path("amount").asString()).isEqualTo("8.47");
        // made for the app to confirm: it waits for the driver, it has not failed
        assertThat(toPay.path("payments").get(0).path("status").asString()).isEqualTo("REQUIRES_ACTION");
        assertThat(toPay.path("payments").get(0).path("failure").isNull()).isTrue();

        UUID payment = as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select id from card_payment where purpose = 'BALANCE' and profile_id = ?").param(profileId).query(UUID.class).single()));
        HttpResponse<String> succeeded = deliver(paymentSucceeded("evt_cost_balance", "pi_cost_balance", 847, payment));
        assertThat(succeeded.statusCode()).as(succeeded.body()).isEqualTo(200);
        Optional<LedgerTransaction> posted = Eventually.value(() -> as(() -> ledger.findByKey(PaymentEvents.paymentKey("pi_cost_balance"))),
                Optional::isPresent);
        assertThat(posted).as("the payment posted").isPresent();
        return posted.get().id().toString();
    }

    /** The request's payload, its cost kept under the document's name; it answered no user error and {@code field}. */
    private JsonNode counted(String token, String document, Map<String, ?> variables, String field) {
        String mutation = Character.toLowerCase(document.charAt(document.indexOf('/') + 1)) + document.substring(document.indexOf('/') + 2);
        JsonNode[] payload = new JsonNode[1];
        StatementCounter.Cost cost = StatementCounter.measure(() -> payload[0] = graphQl().document(token, document, variables).payload(mutation));
        assertThat(payload[0].path("userErrors")).as(document + ": " + payload[0]).isEmpty();
        assertThat(payload[0].path(field).isMissingNode() || payload[0].path(field).isNull()).as(document + " answers " + field + ": " + payload[0])
                .isFalse();
        costs.put(document, cost);
        return payload[0];
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    /** A PaymentIntent created for the app to confirm, as Stripe answers it. */
    private static String intent(String id, long amount) {
        return StripeFixtures.of("payment_intent", Map.of("id", id, "status", "requires_payment_method", "amount", amount, "amount_received", 0,
                "currency", "eur", "client_secret", id + "_secret_abc", "capture_method", "automatic"));
    }

    private HttpResponse<String> deliver(String payload) {
        return StripeWebhookDelivery.deliver(HTTP, baseUrl(), WEBHOOK_SECRET, payload);
    }

    private String setupSucceeded(String eventId, String paymentMethod) {
        String object = """
                {"id": "seti_1", "object": "setup_intent", "status": "succeeded", "usage": "off_session", "customer": "%s",
                 "payment_method": "%s", "payment_method_types": ["card"], "client_secret": "seti_1_secret_abc"}"""
                .formatted(customer, paymentMethod);
        return event(eventId, "setup_intent.succeeded", object);
    }

    private String paymentSucceeded(String eventId, String paymentIntent, long amount, UUID payment) {
        String object = """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "eur", "status": "succeeded",
                 "client_secret": "%s_secret_abc", "last_payment_error": null,
                 "metadata": {"chargebase_profile_id": "%s", "chargebase_payment_id": "%s"}}"""
                .formatted(paymentIntent, amount, amount, paymentIntent, profileId, payment);
        return event(eventId, "payment_intent.succeeded", object);
    }

    private String event(String eventId, String type, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s", "account": "%s", "data": {"object": %s}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), type, account, object);
    }
}
