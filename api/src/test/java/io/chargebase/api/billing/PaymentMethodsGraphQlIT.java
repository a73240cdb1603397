package io.chargebase.api.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StripeFixtures;
import io.chargebase.api.support.StripeStubs;
import io.chargebase.domain.identity.UserRole;

/**
 * Saved cards and the tenant's Stripe setup through the GraphQL endpoint with the clients' own documents, stripe-java
 * answered by WireMock with fixtures3.json's objects: an admin onboards the tenant and sets the maximum, a driver adds,
 * lists, defaults and removes cards; another driver's card, the maximum reached, a negative maximum, a bad URL and
 * Stripe failing are user errors that send nothing (or nothing more) to Stripe.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class PaymentMethodsGraphQlIT extends IntegrationTest {

    private static final String REFRESH = "https://portal.example.com/stripe/refresh";
    private static final String RETURN = "https://portal.example.com/stripe/done";

    @InjectWireMock
    WireMockServer stripe;

    private String admin;
    private String analyst;
    private String dana;
    private String olle;
    private String account;
    private String customer;

    @BeforeEach
    void aTenantWithTwoDriversAndStripeAnswering() {
        TestTenant tenant = aTenant();
        admin = accessTokenOf(tenant, aUser(tenant, UserRole.TENANT_ADMIN, null, null));
        analyst = accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null));
        String setup = tokenOf(tenant);
        String root = graphQl().document(setup, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        dana = driver(tenant, setup, root, "Dana Driver", "dana@example.com");
        olle = driver(tenant, setup, root, "Olle Other", "olle@example.com");
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        stripe.resetAll();
        StripeStubs.connectedCustomer(stripe, account, customer);
    }

    private String driver(TestTenant tenant, String setup, String unit, String name, String email) {
        String id = mutate(setup, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name, "email", email))
                .path("profile").path("id").asString();
        return accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(id).orElseThrow().id()));
    }

    private JsonNode onboard(Map<String, ?> input) {
        return mutate(admin, "tenant-portal/StartConnectedAccountOnboarding", input);
    }

    private JsonNode addCard(String driver) {
        return graphQl().document(driver, "driver-app/AddPaymentMethod", Map.of()).payload("addPaymentMethod");
    }

    private JsonNode myCards(String driver) {
        var response = graphQl().document(driver, "driver-app/MyPaymentMethods", Map.of());
        assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.raw()).isTrue();
        return response.data().path("myPaymentMethods");
    }

    private int requests() {
        return stripe.findAll(anyRequestedFor(anyUrl())).size();
    }

    private int calls(String method, String path) {
        return stripe.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getMethod().getName().equals(method) && request.getUrl().split("\\?")[0].equals(path)).toList().size();
    }

    private static String codeOf(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void anAdminOnboardsTheTenantAndADriverManagesTheirCards() {
        assertThat(myCards(dana)).as("no connected account yet: no cards, nothing asked").isEmpty();
        JsonNode onboarding = onboard(Map.of("country", "NL", "email", "finance@example.com", "refreshUrl", REFRESH, "returnUrl", RETURN));
        assertThat(onboarding.path("userErrors")).as(onboarding.toString()).isEmpty();
        assertThat(onboarding.path("url").asString()).isEqualTo("https://connect.stripe.com/setup/e/" + account + "/onboard");
        assertThat(onboarding.path("connectedAccount").path("accountId").asString()).isEqualTo(account);
        // a second link for the same account, with no country needed now
        assertThat(onboard(Map.of("refreshUrl", REFRESH, "returnUrl", RETURN)).path("url").asString()).contains(account);
        assertThat(calls("POST", "/v1/accounts")).isEqualTo(1);
        assertThat(calls("POST", "/v1/account_links")).isEqualTo(2);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/account_links")).withRequestBody(containing("account=" + account)));

        JsonNode added = addCard(dana);
        assertThat(added.path("userErrors")).as(added.toString()).isEmpty();
        assertThat(added.path("clientSecret").asString()).isEqualTo("seti_1_secret_abc");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/setup_intents")).withHeader("Stripe-Account", equalTo(account))
                .withRequestBody(containing("customer=" + customer)));

        JsonNode cards = myCards(dana);
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).path("paymentMethodId").asString()).isEqualTo("pm_first");
        assertThat(cards.get(0).path("brand").asString()).isEqualTo("visa");
        assertThat(cards.get(0).path("last4").asString()).isNotBlank();
        assertThat(cards.get(0).path("isDefault").asBoolean()).isFalse();
        assertThat(cards.get(1).path("isDefault").asBoolean()).isTrue();

        JsonNode defaulted = mutate(dana, "driver-app/SetDefaultPaymentMethod", Map.of("paymentMethodId", "pm_first"));
        assertThat(defaulted.path("userErrors")).as(defaulted.toString()).isEmpty();
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/customers/" + customer))
                .withRequestBody(containing("invoice_settings[default_payment_method]=pm_first")));

        // once detached, Stripe lists the one card left
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_methods/pm_first/detach")).inScenario("cards").whenScenarioStateIs(STARTED)
                .willSetStateTo("detached").willReturn(okJson(StripeFixtures.of("payment_method", Map.of("id", "pm_first")))));
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/" + customer + "/payment_methods")).inScenario("cards").whenScenarioStateIs("detached")
                .willReturn(okJson(StripeStubs.list(customer, "pm_second"))));
        JsonNode removed = mutate(dana, "driver-app/RemovePaymentMethod", Map.of("paymentMethodId", "pm_first"));
        assertThat(removed.path("userErrors")).as(removed.toString()).isEmpty();
        assertThat(removed.path("paymentMethods")).hasSize(1);
        assertThat(removed.path("paymentMethods").get(0).path("paymentMethodId").asString()).isEqualTo("pm_second");
        assertThat(calls("POST", "/v1/payment_methods/pm_first/detach")).isEqualTo(1);

        assertThat(myCards(olle)).as("Olle has no customer: none of Dana's cards").isEmpty();
    }

    @Test
    void theAdminSetsTheMaximumAndADriverAtItIsRefused() {
        assertThat(graphQl().document(analyst, "tenant-portal/BillingSettings", Map.of()).data().path("billingSettings")
                .path("maxPaymentMethods").asInt()).as("the platform's default").isEqualTo(5);
        JsonNode saved = mutate(admin, "tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 2));
        assertThat(saved.path("userErrors")).as(saved.toString()).isEmpty();
        assertThat(saved.path("billingSettings").path("maxPaymentMethods").asInt()).isEqualTo(2);
        assertThat(graphQl().document(analyst, "tenant-portal/BillingSettings", Map.of()).data().path("billingSettings")
                .path("maxPaymentMethods").asInt()).isEqualTo(2);

        onboard(Map.of("country", "NL", "refreshUrl", REFRESH, "returnUrl", RETURN));
        JsonNode full = addCard(dana);
        assertThat(codeOf(full)).isEqualTo("OUT_OF_RANGE");
        assertThat(full.path("userErrors").get(0).path("message").asString()).contains("at most 2 payment methods");
        assertThat(full.path("clientSecret").isNull()).isTrue();
        assertThat(calls("POST", "/v1/setup_intents")).isZero();

        mutate(admin, "tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", 3));
        assertThat(addCard(dana).path("clientSecret").asString()).isEqualTo("seti_1_secret_abc");
    }

    @Test
    void badInputIsAClearUserErrorAndChangesNothing() {
        // no connected account: nothing can be saved, nothing is sent
        assertThat(codeOf(addCard(dana))).isEqualTo("NOT_FOUND");
        JsonNode noCountry = onboard(Map.of("refreshUrl", REFRESH, "returnUrl", RETURN));
        assertThat(codeOf(noCountry)).isEqualTo("REQUIRED");
        assertThat(noCountry.path("userErrors").get(0).path("field").toString()).contains("country");
        JsonNode badUrl = onboard(Map.of("country", "NL", "refreshUrl", "ftp://portal.example.com", "returnUrl", RETURN));
        assertThat(codeOf(badUrl)).isEqualTo("INVALID");
        assertThat(badUrl.path("userErrors").get(0).path("field").toString()).contains("refreshUrl");
        assertThat(requests()).as("a bad URL creates no account").isZero();

        for (int bad : new int[] {-1, 0, 21}) {
            JsonNode refused = mutate(admin, "tenant-portal/UpdateBillingSettings", Map.of("maxPaymentMethods", bad));
            assertThat(codeOf(refused)).isEqualTo("OUT_OF_RANGE");
            assertThat(refused.path("userErrors").get(0).path("field").toString()).contains("maxPaymentMethods");
        }
        assertThat(graphQl().document(admin, "tenant-portal/BillingSettings", Map.of()).data().path("billingSettings")
                .path("maxPaymentMethods").asInt()).isEqualTo(5);

        onboard(Map.of("country", "NL", "refreshUrl", REFRESH, "returnUrl", RETURN));
        addCard(dana);
        stripe.resetRequests();
        // Olle names Dana's cards: not found, nothing detached or defaulted
        JsonNode removeDanas = mutate(olle, "driver-app/RemovePaymentMethod", Map.of("paymentMethodId", "pm_first"));
        assertThat(codeOf(removeDanas)).isEqualTo("NOT_FOUND");
        assertThat(removeDanas.path("userErrors").get(0).path("field").toString()).contains("paymentMethodId");
        assertThat(codeOf(mutate(olle, "driver-app/SetDefaultPaymentMethod", Map.of("paymentMethodId", "pm_second")))).isEqualTo("NOT_FOUND");
        // Dana names a card that is not hers
        assertThat(codeOf(mutate(dana, "driver-app/RemovePaymentMethod", Map.of("paymentMethodId", "pm_someone_elses")))).isEqualTo("NOT_FOUND");
        assertThat(calls("POST", "/v1/payment_methods/pm_first/detach")).isZero();
        assertThat(calls("POST", "/v1/customers/" + customer)).isZero();
        assertThat(stripe.findAll(anyRequestedFor(anyUrl()))).as("Dana's cards were read to check, nothing was changed").isNotEmpty()
                .allSatisfy(request -> assertThat(request.getMethod().getName() + " " + request.getUrl()).startsWith("GET /v1/customers/" + customer));
    }

    @Test
    void stripeFailingIsAUserErrorThatSaysWhetherToTryAgain() {
        onboard(Map.of("country", "NL", "refreshUrl", REFRESH, "returnUrl", RETURN));
        stripe.stubFor(post(urlPathEqualTo("/v1/setup_intents")).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}")));
        assertThat(codeOf(addCard(dana))).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        stripe.stubFor(post(urlPathEqualTo("/v1/setup_intents")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"No such customer\"}}")));
        JsonNode refused = addCard(dana);
        assertThat(codeOf(refused)).isEqualTo("PAYMENT_PROVIDER_REFUSED");
        assertThat(refused.path("userErrors").get(0).path("message").asString()).doesNotContain("No such customer");
    }
}
