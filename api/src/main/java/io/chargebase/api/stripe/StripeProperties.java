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
 *                         idempotency key and exponential backoff
 */
@ConfigurationProperties("chargebase.stripe")
public record StripeProperties(
        @DefaultValue List<String> webhookSecrets,
        @DefaultValue("300s") Duration webhookTolerance,
        String apiKey,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("2") int maxNetworkRetries) {

    public StripeProperties {
        webhookSecrets = webhookSecrets.stream().map(String::strip).filter(secret -> !secret.isEmpty()).toList();
    }
}
