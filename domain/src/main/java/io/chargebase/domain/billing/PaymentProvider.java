package io.chargebase.domain.billing;

import java.util.List;
import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * The payment provider as billing needs it (Stripe Connect behind it, in the api module's Stripe adapter). Every call
 * carries an idempotency key derived from our ids, so that repeating a call after a lost answer repeats nothing at the
 * provider. Failures (refusals, outages) are {@link PaymentProviderException}s.
 */
public interface PaymentProvider {

    /** Creates the tenant's connected account; answers its id. */
    String createConnectedAccount(String idempotencyKey, UUID tenantId, String country, String email);

    /** A link (single use, short-lived) where the tenant completes onboarding at the provider. */
    String onboardingLink(String idempotencyKey, String accountId, String refreshUrl, String returnUrl);

    /** Creates the driver as a customer on the connected account; answers the customer id. */
    String createCustomer(String idempotencyKey, String accountId, UUID profileId, String name, String email);

    /** A SetupIntent for saving a card for later, off-session use; answers its client secret, which the app confirms. */
    String setupIntentClientSecret(String idempotencyKey, String accountId, String customerId);

    /** The customer's saved cards, the default one marked. */
    List<SavedPaymentMethod> paymentMethods(String idempotencyKey, String accountId, String customerId);

    void detach(String idempotencyKey, String accountId, String paymentMethodId);

    /** What the provider answered to a refund: its id and the charge it refunds. */
    record ProviderRefund(String refundId, String chargeId) {
    }

    /** Refunds {@code amount} of the PaymentIntent's charge on the connected account, for {@code reason} (kept as metadata). */
    ProviderRefund refund(String idempotencyKey, String accountId, String paymentIntentId, Money amount, String reason);

    void makeDefault(String idempotencyKey, String accountId, String customerId, String paymentMethodId);

    /**
     * What the provider made of a PaymentIntent we asked for: its id, its status in the provider's words
     * ({@code succeeded}, {@code requires_action}, {@code requires_payment_method}, ...), the client secret the app
     * completes it with, the amount received and, when it was declined, why.
     */
    record IntentAnswer(String paymentIntentId, String status, String clientSecret, Money received, String failure) {
    }

    /**
     * Charges {@code amount} to the customer's default card (their only one when none is marked) off-session, confirmed
     * at once; a decline or a card asking for authentication is an answer (its status says so), not an exception.
     * The PaymentIntent carries our ids ({@code ours}), so that its webhooks find the payment. Not retried by the client:
     * the caller's outbox retries. {@code applicationFee} (null: none) is the platform's share, taken by the provider.
     */
    IntentAnswer chargeSavedCard(String idempotencyKey, String accountId, String customerId, Money amount, Money applicationFee, Ours ours);

    /**
     * A PaymentIntent for {@code amount} that the driver confirms in the app (on-session, any of their cards), the
     * platform's {@code applicationFee} (null: none) on it; not retried by the client.
     */
    IntentAnswer intentForTheApp(String idempotencyKey, String accountId, String customerId, Money amount, Money applicationFee, Ours ours);

    /**
     * Holds {@code amount} on the customer's default card off-session (manual capture): answered {@code requires_capture}
     * when it is held. Declines are answers, as for {@link #chargeSavedCard}; not retried by the client.
     */
    IntentAnswer holdOnSavedCard(String idempotencyKey, String accountId, String customerId, Money amount, Ours ours);

    /**
     * Captures {@code amount} (at most what is held) of a held PaymentIntent; the rest is released. The platform's
     * {@code applicationFee} (null: none) is set here, on what is captured. Not retried by the client.
     */
    IntentAnswer capture(String idempotencyKey, String accountId, String paymentIntentId, Money amount, Money applicationFee);

    /** Releases what a PaymentIntent holds. Not retried by the client. */
    IntentAnswer cancel(String idempotencyKey, String accountId, String paymentIntentId);

    /** Our ids a PaymentIntent carries: the payment, the driver, the session paid for (null for a balance). */
    record Ours(UUID paymentId, UUID profileId, UUID sessionId) {
    }
}
