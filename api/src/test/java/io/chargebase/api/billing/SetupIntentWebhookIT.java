package io.chargebase.api.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StripeFixtures;
import io.chargebase.api.support.StripeStubs;
import io.chargebase.api.support.StripeWebhookDelivery;
import io.chargebase.domain.billing.BillingSettings;
import io.chargebase.domain.billing.PaymentMethods;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * {@code setup_intent.succeeded}, signed as Stripe signs it and delivered over HTTP, with WireMock standing in for the
 * Stripe API: the card the driver confirmed becomes their default when they have none, stays beside their default
 * when they have one, is detached when it takes them above the tenant's maximum; replays change nothing more, a
 * Stripe failure while adopting answers 503 and the redelivery finishes it; a customer of no driver, a setup without a
 * card and an unknown account change nothing and send nothing.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class SetupIntentWebhookIT extends IntegrationTest {

    private static final String SECRET = "whsec_test_current_0123456789abcdef";

    @InjectWireMock
    WireMockServer stripe;

    @Autowired
    PaymentMethods methods;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final HttpClient http = HttpClient.newHttpClient();
    private TenantId tenantId;
    private UUID driver;
    private String account;
    private String customer;

    /** A tenant with its connected account and a driver who is a customer on it (created by starting a setup). */
    @BeforeEach
    void aDriverWhoIsACustomerOnTheTenantsAccount() {
        TestTenant tenant = aTenant();
        tenantId = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        driver = GlobalId.decode(mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString()).orElseThrow().id();
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        stripe.resetAll();
        StripeStubs.connectedCustomer(stripe, account, customer);
        as(() -> methods.connect("NL", "finance@example.com"));
        as(() -> methods.startSetup(driver));
        stripe.resetRequests();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    /** The customer as Stripe holds it: its default card, or none. */
    private void defaultCard(String paymentMethod) {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("default_payment_method", paymentMethod);
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/" + customer)).willReturn(okJson(StripeFixtures.of("customer",
                Map.of("id", customer, "invoice_settings", settings)))));
    }

    private String setupSucceeded(String eventId, String accountId, String customerId, String paymentMethod) {
        String object = """
                {"id": "seti_1Mm2cBLkdIwHu7ixaiKW3ElR", "object": "setup_intent", "status": "succeeded", "usage": "off_session",
                 "customer": %s, "payment_method": %s, "payment_method_types": ["card"], "client_secret": "seti_1Mm2cB_secret_x"}"""
                .formatted(customerId == null ? "null" : "\"" + customerId + "\"", paymentMethod == null ? "null" : "\"" + paymentMethod + "\"");
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "setup_intent.succeeded", "account": "%s", "data": {"object": %s}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), accountId, object);
    }

    private HttpResponse<String> deliver(String payload) {
        return StripeWebhookDelivery.deliver(http, baseUrl(), SECRET, payload);
    }

    private List<LoggedRequest> sent(String method, String path) {
        return stripe.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getMethod().getName().equals(method) && request.getUrl().split("\\?")[0].equals(path)).toList();
    }

    private String outcomeOf(String eventId) {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select outcome from provider_event where event_id = ?").param(eventId).query(String.class).single()));
    }

    @Test
    void aDriversFirstCardBecomesTheirDefaultOnceHoweverOftenTheEventIsDelivered() {
        StripeStubs.cards(stripe, customer, "pm_new");
        defaultCard(null);
        String payload = setupSucceeded("evt_seti_1", account, customer, "pm_new");

        HttpResponse<String> first = deliver(payload);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"duplicate\":false").contains("made the driver's default");
        assertThat(outcomeOf("evt_seti_1")).isEqualTo("card pm_new saved by driver " + driver);
        List<LoggedRequest> made = sent("POST", "/v1/customers/" + customer);
        assertThat(made).hasSize(1);
        assertThat(made.getFirst().getBodyAsString()).contains("invoice_settings[default_payment_method]=pm_new");
        assertThat(made.getFirst().getHeader("Idempotency-Key")).isEqualTo("default:" + customer + ":pm_new");
        assertThat(made.getFirst().getHeader("Stripe-Account")).isEqualTo(account);

        defaultCard("pm_new"); // as Stripe now holds it
        for (int replay = 0; replay < 2; replay++) {
            HttpResponse<String> again = deliver(payload);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("\"duplicate\":true").contains("kept beside the driver's default");
        }
        assertThat(sent("POST", "/v1/customers/" + customer)).hasSize(1);
        assertThat(as(() -> methods.list(driver))).singleElement().satisfies(card -> {
            assertThat(card.id()).isEqualTo("pm_new");
            assertThat(card.isDefault()).isTrue();
        });
    }

    @Test
    void aFurtherCardStaysBesideTheDefaultTheDriverChose() {
        StripeStubs.cards(stripe, customer, "pm_first", "pm_second", "pm_new");
        HttpResponse<String> answer = deliver(setupSucceeded("evt_seti_2", account, customer, "pm_new"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("kept beside the driver's default");
        assertThat(sent("POST", "/v1/customers/" + customer)).isEmpty();
        assertThat(sent("POST", "/v1/payment_methods/pm_new/detach")).isEmpty();
    }

    @Test
    void aCardThatTakesTheDriverAboveTheTenantsMaximumIsDetachedAgain() {
        as(() -> methods.updateSettings(new BillingSettings(2)));
        StripeStubs.cards(stripe, customer, "pm_first", "pm_second", "pm_new");
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_methods/pm_new/detach")).willReturn(okJson(StripeFixtures.of("payment_method",
                Map.of("id", "pm_new")))));
        HttpResponse<String> answer = deliver(setupSucceeded("evt_seti_3", account, customer, "pm_new"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("card pm_new detached: the driver keeps at most 2 payment methods");
        List<LoggedRequest> detached = sent("POST", "/v1/payment_methods/pm_new/detach");
        assertThat(detached).hasSize(1);
        assertThat(detached.getFirst().getHeader("Idempotency-Key")).isEqualTo("detach:pm_new");
        assertThat(sent("POST", "/v1/customers/" + customer)).isEmpty();
    }

    @Test
    void aStripeFailureWhileAdoptingAnswers503AndTheRedeliveryFinishesIt() {
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/" + customer + "/payment_methods")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));
        String payload = setupSucceeded("evt_seti_4", account, customer, "pm_new");
        HttpResponse<String> failed = deliver(payload);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        assertThat(failed.body()).contains("\"duplicate\":false").contains("not yet");
        assertThat(sent("POST", "/v1/customers/" + customer)).isEmpty();

        StripeStubs.cards(stripe, customer, "pm_new");
        defaultCard(null);
        HttpResponse<String> redelivered = deliver(payload);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).contains("\"duplicate\":true").contains("made the driver's default");
        assertThat(sent("POST", "/v1/customers/" + customer)).hasSize(1);
    }

    @Test
    void aCustomerOfNoDriverASetupWithoutACardAndAnUnknownAccountChangeNothingAndSendNothing() {
        HttpResponse<String> stranger = deliver(setupSucceeded("evt_seti_5", account, "cus_NoDriverOfOurs1", "pm_new"));
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(stranger.body()).contains("names no customer of this tenant's drivers: nothing done").contains("nothing to adopt");

        HttpResponse<String> cardless = deliver(setupSucceeded("evt_seti_6", account, customer, null));
        assertThat(cardless.statusCode()).isEqualTo(200);
        assertThat(cardless.body()).contains("attached no payment method: nothing done").contains("nothing to adopt");

        HttpResponse<String> unknown = deliver(setupSucceeded("evt_seti_7", "acct_NoTenantHasThis1", customer, "pm_new"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No tenant has the connected account acct_NoTenantHasThis1.");

        assertThat(stripe.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
