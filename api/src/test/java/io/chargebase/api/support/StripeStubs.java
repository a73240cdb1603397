package io.chargebase.api.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock answers, shaped by {@link StripeFixtures}, for a tenant's connected account and one driver's customer there. */
public final class StripeStubs {

    private StripeStubs() {
    }

    /**
     * The account and its onboarding link; the customer (the first one created), whose default card is pm_second and who
     * has the cards pm_first and pm_second; a SetupIntent for them; pm_first's removal.
     */
    public static void connectedCustomer(WireMockServer stripe, String account, String customer) {
        stripe.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(okJson(StripeFixtures.of("account", Map.of("id", account)))));
        stripe.stubFor(post(urlPathEqualTo("/v1/account_links")).willReturn(okJson(StripeFixtures.of("account_link",
                Map.of("url", "https://connect.stripe.com/setup/e/" + account + "/onboard")))));
        stripe.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(okJson(StripeFixtures.of("customer", Map.of("id", customer)))));
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/" + customer)).willReturn(okJson(StripeFixtures.of("customer",
                Map.of("id", customer, "invoice_settings", Map.of("default_payment_method", "pm_second"))))));
        stripe.stubFor(post(urlPathEqualTo("/v1/customers/" + customer)).willReturn(okJson(StripeFixtures.of("customer", Map.of("id", customer)))));
        cards(stripe, customer, "pm_first", "pm_second");
        stripe.stubFor(post(urlPathEqualTo("/v1/setup_intents")).willReturn(okJson(StripeFixtures.of("setup_intent",
                Map.of("id", "seti_1", "customer", customer, "client_secret", "seti_1_secret_abc")))));
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_methods/pm_first/detach")).willReturn(okJson(StripeFixtures.of("payment_method",
                Map.of("id", "pm_first")))));
    }

    /** The customer's cards, as Stripe lists them. */
    public static void cards(WireMockServer stripe, String customer, String... ids) {
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/" + customer + "/payment_methods")).willReturn(okJson(list(customer, ids))));
    }

    /** A list of the customer's cards, as Stripe answers it. */
    public static String list(String customer, String... ids) {
        List<String> data = Arrays.stream(ids).map(id -> StripeFixtures.of("payment_method", Map.of("id", id, "customer", customer))).toList();
        return "{\"object\": \"list\", \"url\": \"/v1/customers/" + customer + "/payment_methods\", \"has_more\": false, \"data\": ["
                + String.join(",", data) + "]}";
    }
}
