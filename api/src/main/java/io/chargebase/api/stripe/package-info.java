/**
 * The Stripe adapter: Stripe's wire types stay here. {@link io.chargebase.api.stripe.StripeWebhooks} answers
 * {@code POST /webhooks/stripe}: it verifies the signature with stripe-java against each configured secret (the
 * current one and, while rotating, the previous one) within the tolerance, finds the tenant through the event's
 * connected account (the narrow platform lookup in {@link io.chargebase.domain.billing.ConnectedAccounts}), reads the
 * event into the domain's {@link io.chargebase.domain.billing.ProviderEvent} ({@link io.chargebase.api.stripe.StripeEventReader})
 * and hands it to {@link io.chargebase.domain.billing.PaymentEvents} in that tenant's scope.
 */
package io.chargebase.api.stripe;
