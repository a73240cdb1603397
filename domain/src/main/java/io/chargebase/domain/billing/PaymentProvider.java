package io.chargebase.domain.billing;

import java.util.List;
import java.util.UUID;

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
    ProviderRefund refund(String idempotencyKey, String accountId, String paymentIntentId, io.chargebase.domain.money.Money amount, String reason);

    void makeDefault(String idempotencyKey, String accountId, String customerId, String paymentMethodId);
}
