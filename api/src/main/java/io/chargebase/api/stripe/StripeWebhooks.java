package io.chargebase.api.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.PaymentEvents;
import io.chargebase.domain.billing.PaymentMethods;
import io.chargebase.domain.billing.PaymentProviderException;
import io.chargebase.domain.billing.ProviderEvent;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * {@code POST /webhooks/stripe}. Nothing is read from an event before its signature is verified against one of the
 * configured secrets within the tolerance; a bad or missing signature, a stale timestamp, a body changed after signing,
 * or an account no tenant owns is answered 400 and changes nothing. A verified event is handled once in its tenant's
 * scope (a replay is answered 200 and does nothing), so Stripe's retries are safe.
 */
@RestController
class StripeWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

    private final StripeProperties properties;
    private final ConnectedAccounts accounts;
    private final PaymentEvents events;
    private final Clock clock;

    private final PaymentMethods paymentMethods;

    StripeWebhooks(StripeProperties properties, ConnectedAccounts accounts, PaymentEvents events, PaymentMethods paymentMethods, Clock clock) {
        this.paymentMethods = paymentMethods;
        this.properties = properties;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping("/webhooks/stripe")
    ResponseEntity<Map<String, Object>> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (signature == null || signature.isBlank()) {
            return refused("The request has no Stripe-Signature header.");
        }
        if (!verified(payload, signature)) {
            return refused("The signature does not match the body under any webhook secret, or its timestamp is outside the tolerance.");
        }
        ProviderEvent.Envelope envelope;
        try {
            envelope = StripeEventReader.read(payload);
        } catch (RuntimeException malformed) {
            return refused("The event could not be read: " + malformed.getMessage());
        }
        Optional<TenantId> tenant = accounts.tenantOf(envelope.accountId());
        if (tenant.isEmpty()) {
            LOG.warn("Stripe event {} ({}) for account {}, which no tenant has: refused", envelope.eventId(), envelope.type(), envelope.accountId());
            return refused("No tenant has the connected account " + envelope.accountId() + ".");
        }
        PaymentEvents.Handled handled = TenantContext.callAs(TenantScope.of(tenant.get()), () -> events.handle(envelope));
        LOG.info("Stripe event {} ({}): {}{}", envelope.eventId(), envelope.type(), handled.duplicate() ? "replayed, " : "", handled.outcome());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("duplicate", handled.duplicate());
        answer.put("outcome", handled.outcome());
        if (envelope.event() instanceof ProviderEvent.SetupSucceeded setup) {
            // after the event's commit, with no connection held while Stripe answers; on every delivery, since it acts on
            // what Stripe holds: a provider failure answers 503, so that Stripe delivers again and this is retried
            try {
                answer.put("adopted", TenantContext.callAs(TenantScope.of(tenant.get()),
                        () -> paymentMethods.adopt(setup.customerId(), setup.paymentMethodId())));
            } catch (PaymentProviderException unavailable) {
                LOG.warn("Stripe event {}: the card {} could not be adopted", envelope.eventId(), setup.paymentMethodId(), unavailable);
                answer.put("adopted", (unavailable.retryable() ? "not yet: " : "refused by Stripe: ") + unavailable.getMessage());
                if (unavailable.retryable()) {
                    return ResponseEntity.status(503).body(answer);
                }
            }
        }
        return ResponseEntity.ok(answer);
    }

    /** Whether any configured secret verifies the signature (stripe-java checks every v1 signature of the header). */
    private boolean verified(String payload, String signature) {
        for (String secret : properties.webhookSecrets()) {
            try {
                Webhook.constructEvent(payload, signature, secret, properties.webhookTolerance().toSeconds(), clock);
                return true;
            } catch (SignatureVerificationException notThisSecret) {
                // the next secret may be the one (a rotation in progress)
            } catch (RuntimeException unreadable) {
                return false;
            }
        }
        return false;
    }

    private static ResponseEntity<Map<String, Object>> refused(String error) {
        return ResponseEntity.badRequest().body(Map.of("error", error));
    }
}
