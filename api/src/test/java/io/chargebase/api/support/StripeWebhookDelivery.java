package io.chargebase.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.stripe.net.Webhook;

/** Delivers a webhook to {@code POST /webhooks/stripe} signed as Stripe signs it (timestamp now, v1 HMAC of the secret). */
public final class StripeWebhookDelivery {

    private StripeWebhookDelivery() {
    }

    /** The {@code Stripe-Signature} header for {@code payload}, signed now with {@code secret}. */
    public static String signature(String secret, String payload) {
        long t = Instant.now().getEpochSecond();
        try {
            return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code payload} signed with {@code secret}; the answer. */
    public static HttpResponse<String> deliver(HttpClient http, String baseUrl, String secret, String payload) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/stripe")).header("Content-Type", "application/json")
                    .header("Stripe-Signature", signature(secret, payload)).POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
