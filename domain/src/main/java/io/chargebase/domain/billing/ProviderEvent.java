package io.chargebase.domain.billing;

import java.time.Instant;
import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * What the payment provider reported, in the ledger's terms, as the webhook adapter read it from a verified event.
 * Amounts are in the event's currency; the ids are the provider's. {@code profileId} and {@code sessionId} are those
 * we attached to the payment when we asked for it, or {@code null} when it carries none; so is {@code paymentId}, our card
 * payment's id.
 */
public sealed interface ProviderEvent {

    /** The event's id (what deduplicates it), type, connected account and the provider's time of it. */
    record Envelope(String eventId, String type, String accountId, Instant created, ProviderEvent event) {
    }

    record AccountUpdated(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted,
            String disabledReason) implements ProviderEvent {
    }

    /** A payment completed: {@code received} reached the tenant's account, less the platform's {@code applicationFee}. */
    record PaymentSucceeded(String paymentIntentId, Money received, Money applicationFee, UUID profileId, UUID sessionId, UUID paymentId)
            implements ProviderEvent {
    }

    /** A payment failed, needs the driver's authentication, was canceled or is held: no money moved (yet). */
    record PaymentNotCompleted(String paymentIntentId, String status, String reason, UUID paymentId) implements ProviderEvent {
    }

    /** A charge was refunded, in full or in part: {@code refunded} is the total refunded so far, of {@code captured}. */
    record ChargeRefunded(String chargeId, String paymentIntentId, Money refunded, Money captured) implements ProviderEvent {
    }

    /** A driver's bank disputed a charge; {@code amount} is withdrawn from the tenant's account. */
    record DisputeCreated(String disputeId, String chargeId, String paymentIntentId, Money amount) implements ProviderEvent {
    }

    /**
     * A driver confirmed a SetupIntent: the card {@code paymentMethodId} is now attached to the customer
     * {@code customerId} on the tenant's account (either may be {@code null} in an event that names none).
     */
    record SetupSucceeded(String setupIntentId, String customerId, String paymentMethodId) implements ProviderEvent {
    }

    /** An event we record and do not act on. */
    record Unhandled() implements ProviderEvent {
    }
}
