package io.chargebase.api.stripe;

import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chargebase.domain.billing.ProviderEvent;
import io.chargebase.domain.money.Money;

/**
 * Reads a verified Stripe event (its JSON, as signed) into the domain's terms. The event's {@code data.object} is read
 * as JSON rather than through stripe-java's typed objects, which it deserialises only for the API version the
 * library is pinned to; the fields used here are the same in every version.
 */
final class StripeEventReader {

    /** The metadata keys our PaymentIntents carry, naming the driver and the session paid for. */
    static final String PROFILE_KEY = "chargebase_profile_id";
    static final String SESSION_KEY = "chargebase_session_id";
    static final String PAYMENT_KEY = "chargebase_payment_id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeEventReader() {
    }

    /** The event as the domain sees it; refuses (IllegalArgumentException) an event without id, type or time. */
    static ProviderEvent.Envelope read(String payload) {
        JsonNode event = JSON.readTree(payload);
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || type == null || !event.path("created").isNumber()) {
            throw new IllegalArgumentException("An event has an id, a type and a creation time.");
        }
        JsonNode object = event.path("data").path("object");
        String account = text(event, "account");
        if (account == null && type.startsWith("account.")) {
            account = text(object, "id");
        }
        return new ProviderEvent.Envelope(id, type, account, Instant.ofEpochSecond(event.path("created").asLong()), eventOf(type, object));
    }

    private static ProviderEvent eventOf(String type, JsonNode object) {
        return switch (type) {
            case "account.updated" -> new ProviderEvent.AccountUpdated(text(object, "id"), object.path("charges_enabled").asBoolean(false),
                    object.path("payouts_enabled").asBoolean(false), object.path("details_submitted").asBoolean(false),
                    text(object.path("requirements"), "disabled_reason"));
            case "payment_intent.succeeded" -> new ProviderEvent.PaymentSucceeded(text(object, "id"),
                    money(object, object.has("amount_received") ? "amount_received" : "amount"),
                    object.path("application_fee_amount").isNumber() ? money(object, "application_fee_amount") : null,
                    uuid(object.path("metadata"), PROFILE_KEY), uuid(object.path("metadata"), SESSION_KEY), uuid(object.path("metadata"), PAYMENT_KEY));
            case "payment_intent.payment_failed", "payment_intent.requires_action", "payment_intent.canceled",
                    "payment_intent.amount_capturable_updated" -> new ProviderEvent.PaymentNotCompleted(text(object, "id"), text(object, "status"),
                    text(object.path("last_payment_error"), "message"), uuid(object.path("metadata"), PAYMENT_KEY));
            case "charge.refunded" -> new ProviderEvent.ChargeRefunded(text(object, "id"), text(object, "payment_intent"),
                    money(object, "amount_refunded"), object.path("amount_captured").isNumber() ? money(object, "amount_captured") : null);
            case "charge.dispute.created" -> new ProviderEvent.DisputeCreated(text(object, "id"), text(object, "charge"),
                    text(object, "payment_intent"), money(object, "amount"));
            case "setup_intent.succeeded" -> new ProviderEvent.SetupSucceeded(text(object, "id"), idOf(object, "customer"),
                    idOf(object, "payment_method"));
            default -> new ProviderEvent.Unhandled();
        };
    }

    private static Money money(JsonNode object, String field) {
        String currency = text(object, "currency");
        if (!object.path(field).isIntegralNumber() || currency == null) {
            throw new IllegalArgumentException("The event's " + field + " is no amount in minor units with a currency.");
        }
        return Money.ofMinor(object.path(field).asLong(), Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    }

    private static UUID uuid(JsonNode metadata, String key) {
        String value = text(metadata, key);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    /** The id in a field that Stripe gives as an id or, when expanded, as the object itself. */
    private static String idOf(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isObject() ? text(value, "id") : text(object, field);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
