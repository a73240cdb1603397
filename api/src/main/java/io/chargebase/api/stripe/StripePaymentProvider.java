package io.chargebase.api.stripe;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SetupIntentCreateParams;

import io.chargebase.domain.billing.PaymentProvider;
import io.chargebase.domain.billing.PaymentProviderException;
import io.chargebase.domain.billing.SavedPaymentMethod;
import io.chargebase.domain.money.Money;

/**
 * {@link PaymentProvider} over stripe-java. Every request carries the caller's idempotency key; requests about a
 * tenant's drivers act on its connected account (the {@code Stripe-Account} header). Stripe's errors become
 * {@link PaymentProviderException}s, retryable for network errors, 429 and 5xx (which stripe-java has retried already).
 */
@Component
class StripePaymentProvider implements PaymentProvider {

    private final StripeClient client;

    StripePaymentProvider(StripeProperties properties) {
        this.client = properties.apiKey() == null || properties.apiKey().isBlank() ? null : new StripeClient.StripeClientBuilder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase())
                .setConnectBase(properties.apiBase())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .build();
    }

    @Override
    public String createConnectedAccount(String idempotencyKey, UUID tenantId, String country, String email) {
        return call(() -> client().v1().accounts().create(AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(country)
                .setEmail(email)
                .putMetadata("chargebase_tenant_id", tenantId.toString())
                .build(), platform(idempotencyKey)).getId());
    }

    @Override
    public String onboardingLink(String idempotencyKey, String accountId, String refreshUrl, String returnUrl) {
        return call(() -> client().v1().accountLinks().create(AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build(), platform(idempotencyKey)).getUrl());
    }

    @Override
    public String createCustomer(String idempotencyKey, String accountId, UUID profileId, String name, String email) {
        return call(() -> client().v1().customers().create(CustomerCreateParams.builder()
                .setName(name)
                .setEmail(email)
                .putMetadata(StripeEventReader.PROFILE_KEY, profileId.toString())
                .build(), on(accountId, idempotencyKey)).getId());
    }

    @Override
    public String setupIntentClientSecret(String idempotencyKey, String accountId, String customerId) {
        return call(() -> client().v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customerId)
                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                .addPaymentMethodType("card")
                .build(), on(accountId, idempotencyKey)).getClientSecret());
    }

    @Override
    public List<SavedPaymentMethod> paymentMethods(String idempotencyKey, String accountId, String customerId) {
        return call(() -> {
            Customer customer = client().v1().customers().retrieve(customerId, on(accountId, idempotencyKey + ":customer"));
            String preferred = customer.getInvoiceSettings() == null ? null : customer.getInvoiceSettings().getDefaultPaymentMethod();
            return client().v1().customers().paymentMethods().list(customerId, on(accountId, idempotencyKey)).getData().stream()
                    .map(method -> saved(method, preferred)).toList();
        });
    }

    @Override
    public void detach(String idempotencyKey, String accountId, String paymentMethodId) {
        call(() -> client().v1().paymentMethods().detach(paymentMethodId, on(accountId, idempotencyKey)));
    }

    @Override
    public void makeDefault(String idempotencyKey, String accountId, String customerId, String paymentMethodId) {
        call(() -> client().v1().customers().update(customerId, CustomerUpdateParams.builder()
                .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(paymentMethodId).build())
                .build(), on(accountId, idempotencyKey)));
    }

    @Override
    public ProviderRefund refund(String idempotencyKey, String accountId, String paymentIntentId, Money amount, String reason) {
        return call(() -> {
            Refund refund = client().v1().refunds().create(RefundCreateParams.builder()
                    .setPaymentIntent(paymentIntentId)
                    .setAmount(amount.minorUnits())
                    .putMetadata("chargebase_reason", reason)
                    .putMetadata("chargebase_refund", idempotencyKey)
                    .build(), on(accountId, idempotencyKey));
            return new ProviderRefund(refund.getId(), refund.getCharge());
        });
    }

    private static SavedPaymentMethod saved(PaymentMethod method, String preferred) {
        PaymentMethod.Card card = method.getCard();
        return new SavedPaymentMethod(method.getId(), card == null ? method.getType() : card.getBrand(), card == null ? null : card.getLast4(),
                card == null || card.getExpMonth() == null ? 0 : card.getExpMonth().intValue(),
                card == null || card.getExpYear() == null ? 0 : card.getExpYear().intValue(), method.getId().equals(preferred));
    }

    private StripeClient client() {
        if (client == null) {
            throw new PaymentProviderException("Stripe is not configured (chargebase.stripe.api-key).", false, null);
        }
        return client;
    }

    private static RequestOptions platform(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static RequestOptions on(String accountId, String idempotencyKey) {
        return RequestOptions.builder().setStripeAccount(accountId).setIdempotencyKey(idempotencyKey).build();
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> work) {
        try {
            return work.run();
        } catch (StripeException failed) {
            Integer status = failed.getStatusCode();
            boolean retryable = failed instanceof ApiConnectionException || failed instanceof RateLimitException || (status != null && status >= 500);
            throw new PaymentProviderException("Stripe refused the request: " + failed.getMessage(), retryable, failed);
        }
    }
}
