package io.chargebase.domain.billing;

import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * A card payment as recorded: whose, for which session (none for a balance paid from the app), how much, the
 * idempotency key it is sent with, and what the provider made of it. {@code clientSecret} is what the app needs to
 * let the driver complete a payment that needs them (3-D Secure, another card). A hold (the pre-authorising strategy) is
 * created, then captured ({@code captureAmount}) or released: {@code operation} is the one to send.
 */
public record CardPayment(UUID id, UUID profileId, UUID sessionId, String purpose, Money amount, String idempotencyKey,
        CardPaymentStatus status, String paymentIntentId, String clientSecret, String failure, String sendState, int attempts,
        String operation, Money captureAmount) {

    /** A payment about to be recorded: nothing sent yet. */
    static CardPayment recorded(UUID profileId, UUID sessionId, String purpose, Money amount, String idempotencyKey) {
        return new CardPayment(UUID.randomUUID(), profileId, sessionId, purpose, amount, idempotencyKey, CardPaymentStatus.PENDING, null, null,
                null, "DUE", 0, "CREATE", null);
    }

    /** The key the current operation is sent with: a hold's capture and release each have their own. */
    public String keyOfOperation() {
        return "CREATE".equals(operation) ? idempotencyKey : idempotencyKey + ":" + operation.toLowerCase(java.util.Locale.ROOT);
    }
}
