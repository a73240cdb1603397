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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StripeFixtures;
import io.chargebase.api.support.StripeStubs;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.BillingSettings;
import io.chargebase.domain.billing.ConnectedAccount;
import io.chargebase.domain.billing.PaymentMethods;
import io.chargebase.domain.billing.PaymentProviderException;
import io.chargebase.domain.billing.SavedPaymentMethod;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Stripe Connect and saved cards through stripe-java against WireMock standing in for the Stripe API, answering with
 * Stripe's example objects (fixtures3.json): the tenant's connected account and onboarding link, a driver as a
 * customer on it (created once), SetupIntent client secrets, cards listed, removed and made the default, the tenant's
 * maximum; every request carries an idempotency key and acts on the connected account; whatever is refused sends nothing.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class PaymentMethodsIT extends IntegrationTest {

    @InjectWireMock
    WireMockServer stripe;

    @Autowired
    PaymentMethods methods;

    private TenantId tenantId;
    private UUID driver;
    private UUID otherDriver;
    private String account;
    private String customer;

    @BeforeEach
    void aTenantWithTwoDriversAndStripeAnswering() {
        TestTenant tenant = aTenant();
        tenantId = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        driver = profile(admin, root, "Dana Driver", "dana@example.com");
        otherDriver = profile(admin, root, "Olle Other", "olle@example.com");
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        stripe.resetAll();
        StripeStubs.connectedCustomer(stripe, account, customer);
    }

    private UUID profile(String admin, String unit, String name, String email) {
        String id = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", unit, "name", name, "email", email))
                .path("profile").path("id").asString();
        return GlobalId.decode(id).orElseThrow().id();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    private void run(Runnable work) {
        TenantContext.runAs(TenantScope.of(tenantId), work);
    }

    private ConnectedAccount connected() {
        return as(() -> methods.connect("NL", "finance@example.com"));
    }

    private int calls(String method, String path) {
        return stripe.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getMethod().getName().equals(method) && request.getUrl().split("\\?")[0].equals(path)).toList().size();
    }

    @Test
    void theTenantsConnectedAccountIsCreatedOnceAndGivesAnOnboardingLink() {
        assertThat(connected().accountId()).isEqualTo(account);
        assertThat(connected().accountId()).isEqualTo(account);
        assertThat(calls("POST", "/v1/accounts")).isEqualTo(1);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/accounts")).withHeader("Idempotency-Key", equalTo("account:" + tenantId.value()))
                .withRequestBody(containing("country=NL")).withRequestBody(containing("type=express")));
        String link = as(() -> methods.onboardingLink("https://portal.example.com/stripe/refresh", "https://portal.example.com/stripe/done"));
        assertThat(link).isEqualTo("https://connect.stripe.com/setup/e/" + account + "/onboard");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/account_links")).withRequestBody(containing("account=" + account))
                .withRequestBody(containing("type=account_onboarding")));
        everyRequestCarriesAnIdempotencyKey();
    }

    @Test
    void aDriverSavesCardsThroughSetupIntentsAsOneCustomerOnTheConnectedAccount() {
        connected();
        assertThat(as(() -> methods.startSetup(driver))).isEqualTo("seti_1_secret_abc");
        assertThat(as(() -> methods.startSetup(driver))).isEqualTo("seti_1_secret_abc");
        assertThat(calls("POST", "/v1/customers")).as("the driver becomes a customer once").isEqualTo(1);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/customers")).withHeader("Stripe-Account", equalTo(account))
                .withHeader("Idempotency-Key", equalTo("customer:" + driver)).withRequestBody(containing("chargebase_profile_id")));
        stripe.verify(2, postRequestedFor(urlPathEqualTo("/v1/setup_intents")).withHeader("Stripe-Account", equalTo(account))
                .withRequestBody(containing("customer=" + customer)).withRequestBody(containing("usage=off_session")));

        List<SavedPaymentMethod> saved = as(() -> methods.list(driver));
        assertThat(saved).extracting(SavedPaymentMethod::id).containsExactly("pm_first", "pm_second");
        assertThat(saved).filteredOn(SavedPaymentMethod::isDefault).extracting(SavedPaymentMethod::id).containsExactly("pm_second");
        assertThat(saved.getFirst().brand()).isEqualTo("visa");
        assertThat(as(() -> methods.list(otherDriver))).as("no customer yet, nothing asked").isEmpty();

        run(() -> methods.makeDefault(driver, "pm_first"));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/customers/" + customer))
                .withRequestBody(containing("invoice_settings[default_payment_method]=pm_first")));
        run(() -> methods.remove(driver, "pm_first"));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/payment_methods/pm_first/detach")).withHeader("Idempotency-Key", equalTo("detach:pm_first")));
        everyRequestCarriesAnIdempotencyKey();
    }

    @Test
    void badInputIsRefusedAndNothingIsSent() {
        Throwable noAccount = catchThrowable(() -> as(() -> methods.startSetup(driver)));
        assertThat(noAccount).isInstanceOf(DomainException.class).hasMessageContaining("no connected account");
        assertThat(stripe.findAll(anyRequestedFor(anyUrl()))).isEmpty();

        connected();
        as(() -> methods.startSetup(driver));
        int before = stripe.findAll(anyRequestedFor(anyUrl())).size();
        // another driver's card, a card that is no one's, a driver of no one
        for (Runnable refused : List.<Runnable>of(() -> methods.remove(otherDriver, "pm_first"), () -> methods.makeDefault(otherDriver, "pm_second"),
                () -> methods.remove(driver, "pm_someone_elses"), () -> methods.startSetup(UUID.randomUUID()))) {
            assertThat(catchThrowable(() -> run(refused))).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
        assertThat(calls("POST", "/v1/payment_methods/pm_first/detach")).isZero();
        assertThat(calls("POST", "/v1/customers/" + customer)).isZero();
        assertThat(calls("POST", "/v1/customers")).isEqualTo(1);

        as(() -> methods.updateSettings(new BillingSettings(2)));
        Throwable full = catchThrowable(() -> as(() -> methods.startSetup(driver)));
        assertThat(full).isInstanceOf(DomainException.class).hasMessageContaining("at most 2 payment methods");
        assertThat(calls("POST", "/v1/setup_intents")).isEqualTo(1);
        assertThat(catchThrowable(() -> as(() -> methods.updateSettings(new BillingSettings(0))))).isInstanceOf(DomainException.class);
        assertThat(as(() -> methods.settings()).maxPaymentMethods()).isEqualTo(2);
        assertThat(catchThrowable(() -> as(() -> methods.onboardingLink("ftp://x", "https://portal.example.com")))).isInstanceOf(DomainException.class);
        assertThat(stripe.findAll(anyRequestedFor(anyUrl())).size()).isGreaterThan(before);
        assertThat(calls("POST", "/v1/account_links")).isZero();
    }

    @Test
    void stripeFailingIsAProviderErrorThatSaysWhetherToRetry() {
        connected();
        stripe.stubFor(post(urlPathEqualTo("/v1/setup_intents")).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}")));
        Throwable outage = catchThrowable(() -> as(() -> methods.startSetup(driver)));
        assertThat(outage).isInstanceOf(PaymentProviderException.class);
        assertThat(((PaymentProviderException) outage).retryable()).isTrue();
        stripe.stubFor(post(urlPathEqualTo("/v1/setup_intents")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"No such customer\"}}")));
        Throwable refused = catchThrowable(() -> as(() -> methods.startSetup(driver)));
        assertThat(((PaymentProviderException) refused).retryable()).isFalse();
    }

    private void everyRequestCarriesAnIdempotencyKey() {
        List<LoggedRequest> requests = stripe.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).isNotEmpty().allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key"))
                .as(request.getMethod() + " " + request.getUrl()).isNotBlank());
    }
}
