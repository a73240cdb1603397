package io.chargebase.domain.billing;

/** Where a card payment stands, following its PaymentIntent at the provider. */
public enum CardPaymentStatus {
    /** Recorded; the provider has not answered yet (an outage only delays it). */
    PENDING,
    /** The provider accepted it and is still confirming it. */
    PROCESSING,
    /** Held on the card (pre-authorised), to be captured at the end. */
    AUTHORISED,
    /** The driver has to authenticate it (3-D Secure) in the app. */
    REQUIRES_ACTION,
    /** The card was declined; the driver pays it from the app, with this or another card. */
    FAILED,
    SUCCEEDED,
    CANCELED;

    /** Whether the money is not in and no longer on its way without the driver: it leaves a balance to pay. */
    public boolean needsTheDriver() {
        return this == REQUIRES_ACTION || this == FAILED;
    }

    /** Whether nothing can change it any more. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELED;
    }

    /** The status a PaymentIntent's {@code status} (Stripe's words) stands for. */
    public static CardPaymentStatus ofIntent(String intentStatus) {
        return switch (intentStatus == null ? "" : intentStatus) {
            case "succeeded" -> SUCCEEDED;
            case "processing", "requires_confirmation" -> PROCESSING;
            case "requires_capture" -> AUTHORISED;
            case "requires_action" -> REQUIRES_ACTION;
            case "canceled" -> CANCELED;
            default -> FAILED;
        };
    }
}
