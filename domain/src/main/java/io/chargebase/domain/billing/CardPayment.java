package io.chargebase.domain.billing;

import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * A card payment as recorded: whose, for which session (none for a balance paid from the app), how much, the
 * idempotency key it is sent with, and what the provider made of it. {@code clientSecret} is what the app needs to
 * let the driver complete a payment that needs them (3-D Secure, another card).
 */
public record CardPayment(UUID id, UUID profileId, UUID sessionId, String purpose, Money amount, String idempotencyKey,
        CardPaymentStatus status, String paymentIntentId, String clientSecret, String failure, String sendState, int attempts) {
}
