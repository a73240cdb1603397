package io.chargebase.api.stripe;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings.
 *
 * @param webhookSecrets   the signing secrets ({@code whsec_...}) webhooks are verified with: the endpoint's current
 *                         secret and, while a rotation is under way, the previous one; an event signed with any of them
 *                         is accepted. Without any, every webhook is refused.
 * @param webhookTolerance how old a signature's timestamp may be
 * @param apiKey           the platform's secret key; calls for a tenant act on its connected account
 *                         ({@code Stripe-Account}). Without it, every call to Stripe fails (webhooks still work).
 * @param apiBase          where the Stripe API answers (tests point it at a stand-in)
 * @param maxNetworkRetries how often stripe-java retries a call on a network error, a 409 or a 5xx, with the same
 *                         idempotency key and exponential backoff (not for card payments: their outbox retries)
 * @param paymentTimeout   how long a card payment's request may take before it counts as a network error (and is retried)
 * @param outboxWorker     whether this instance sends the card payments due (tests drive the outbox themselves)
 * @param outboxPollInterval how often the outbox is looked at for payments due
 * @param outboxBackoff    the wait after a payment's failed attempt (network error, 429, 5xx), doubled with each further one
 * @param outboxMaxBackoff the longest such wait
 * @param outboxLease      how long a sender holds a payment it is sending; one that dies meanwhile leaves it due after this
 */
@ConfigurationProperties("chargebase.stripe")
public record StripeProperties(
        @DefaultValue List<String> webhookSecrets,
        @DefaultValue("300s") Duration webhookTolerance,
        String apiKey,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("2") int maxNetworkRetries,
        @DefaultValue("30s") Duration paymentTimeout,
        @DefaultValue("true") boolean outboxWorker,
        @DefaultValue("2s") Duration outboxPollInterval,
        @DefaultValue("2s") Duration outboxBackoff,
        @DefaultValue("10m") Duration outboxMaxBackoff,
        @DefaultValue("2m") Duration outboxLease) {

    /** The outbox's pacing, as billing takes it. */
    public io.chargebase.domain.billing.CardPayments.Pacing pacing() {
        return new io.chargebase.domain.billing.CardPayments.Pacing(outboxBackoff, outboxMaxBackoff, outboxLease);
    }

    public StripeProperties {
        webhookSecrets = webhookSecrets.stream().map(String::strip).filter(secret -> !secret.isEmpty()).toList();
    }
}
