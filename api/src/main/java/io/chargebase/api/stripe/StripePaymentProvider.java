package io.chargebase.api.stripe;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
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
    private final int paymentTimeoutMs;

    StripePaymentProvider(StripeProperties properties) {
        this.paymentTimeoutMs = (int) properties.paymentTimeout().toMillis();
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

    @Override
    public IntentAnswer chargeSavedCard(String idempotencyKey, String accountId, String customerId, Money amount, Money applicationFee, Ours ours) {
        return intent(idempotencyKey, accountId, offSessionOnSavedCard(idempotencyKey, accountId, customerId, amount), applicationFee, ours);
    }

    @Override
    public IntentAnswer holdOnSavedCard(String idempotencyKey, String accountId, String customerId, Money amount, Ours ours) {
        return intent(idempotencyKey, accountId, offSessionOnSavedCard(idempotencyKey, accountId, customerId, amount)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL), null, ours);
    }

    /** A PaymentIntent confirmed at once without the driver, on their default card (else their first one). */
    private PaymentIntentCreateParams.Builder offSessionOnSavedCard(String idempotencyKey, String accountId, String customerId, Money amount) {
        List<SavedPaymentMethod> cards = paymentMethods(idempotencyKey + ":cards", accountId, customerId);
        String card = cards.stream().filter(SavedPaymentMethod::isDefault).findFirst().or(() -> cards.stream().findFirst())
                .map(SavedPaymentMethod::id).orElseThrow(() -> new PaymentProviderException("The driver has no saved card.", false, null));
        return PaymentIntentCreateParams.builder()
                .setAmount(amount.minorUnits())
                .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setCustomer(customerId)
                .setPaymentMethod(card)
                .setOffSession(true)
                .setConfirm(true);
    }

    @Override
    public IntentAnswer capture(String idempotencyKey, String accountId, String paymentIntentId, Money amount, Money applicationFee) {
        PaymentIntentCaptureParams.Builder params = PaymentIntentCaptureParams.builder().setAmountToCapture(amount.minorUnits());
        if (applicationFee != null) {
            // for a manual capture Stripe takes the platform's fee here, on the amount captured
            params.setApplicationFeeAmount(applicationFee.minorUnits());
        }
        try {
            return answer(client().v1().paymentIntents().capture(paymentIntentId, params.build(), paymentOptions(accountId, idempotencyKey)), null);
        } catch (StripeException failed) {
            throw failure(failed);
        }
    }

    @Override
    public IntentAnswer cancel(String idempotencyKey, String accountId, String paymentIntentId) {
        try {
            return answer(client().v1().paymentIntents().cancel(paymentIntentId, PaymentIntentCancelParams.builder().build(),
                    paymentOptions(accountId, idempotencyKey)), null);
        } catch (StripeException failed) {
            throw failure(failed);
        }
    }

    private RequestOptions paymentOptions(String accountId, String idempotencyKey) {
        return RequestOptions.builder().setStripeAccount(accountId).setIdempotencyKey(idempotencyKey)
                .setMaxNetworkRetries(0).setReadTimeout(paymentTimeoutMs).setConnectTimeout(paymentTimeoutMs).build();
    }

    @Override
    public IntentAnswer intentForTheApp(String idempotencyKey, String accountId, String customerId, Money amount, Money applicationFee, Ours ours) {
        return intent(idempotencyKey, accountId, PaymentIntentCreateParams.builder()
                .setAmount(amount.minorUnits())
                .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setCustomer(customerId)
                .setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build()), applicationFee, ours);
    }

    /**
     * Creates the PaymentIntent once, without stripe-java's retries (the outbox retries, with the same key). A card
     * error comes with the PaymentIntent as it stands (declined, or needing the driver's authentication): that is an
     * answer, not a failure.
     */
    private IntentAnswer intent(String idempotencyKey, String accountId, PaymentIntentCreateParams.Builder params, Money applicationFee, Ours ours) {
        if (applicationFee != null) {
            params.setApplicationFeeAmount(applicationFee.minorUnits());
        }
        params.putMetadata(StripeEventReader.PAYMENT_KEY, ours.paymentId().toString())
                .putMetadata(StripeEventReader.PROFILE_KEY, ours.profileId().toString());
        if (ours.sessionId() != null) {
            params.putMetadata(StripeEventReader.SESSION_KEY, ours.sessionId().toString());
        }
        RequestOptions options = paymentOptions(accountId, idempotencyKey);
        try {
            return answer(client().v1().paymentIntents().create(params.build(), options), null);
        } catch (CardException declined) {
            PaymentIntent intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
            if (intent == null) {
                throw new PaymentProviderException("Stripe declined the payment: " + declined.getMessage(), false, declined);
            }
            IntentAnswer answer = answer(intent, declined.getStripeError().getMessage());
            // off-session, a card asking for 3-D Secure is declined with authentication_required: the driver completes it
            return "authentication_required".equals(declined.getCode()) || "authentication_required".equals(declined.getStripeError().getDeclineCode())
                    ? new IntentAnswer(answer.paymentIntentId(), "requires_action", answer.clientSecret(), null, answer.failure())
                    : answer;
        } catch (StripeException failed) {
            throw failure(failed);
        }
    }

    private static IntentAnswer answer(PaymentIntent intent, String failure) {
        Money received = intent.getAmountReceived() == null || intent.getAmountReceived() == 0 || intent.getCurrency() == null ? null
                : Money.ofMinor(intent.getAmountReceived(), Currency.getInstance(intent.getCurrency().toUpperCase(Locale.ROOT)));
        String why = failure != null ? failure : intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage();
        return new IntentAnswer(intent.getId(), intent.getStatus(), intent.getClientSecret(), received, why);
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
            throw failure(failed);
        }
    }

    /** Retryable for network errors (timeouts too), 429 and 5xx. */
    private static PaymentProviderException failure(StripeException failed) {
        Integer status = failed.getStatusCode();
        boolean retryable = failed instanceof ApiConnectionException || failed instanceof RateLimitException || (status != null && status >= 500);
        return new PaymentProviderException("Stripe refused the request: " + failed.getMessage(), retryable, failed);
    }
}
