package io.chargebase.api.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.chargebase.domain.billing.CardPayments;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Sends the card payments due, tenant by tenant, every {@code chargebase.stripe.outbox-poll-interval} (unless
 * {@code chargebase.stripe.outbox-worker} is off). Several instances may run it at once: each payment is leased by
 * one sender, and its idempotency key makes a second sending harmless anyway.
 */
@Component
public class PaymentOutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentOutboxWorker.class);

    private final CardPayments payments;
    private final StripeProperties properties;

    PaymentOutboxWorker(CardPayments payments, StripeProperties properties) {
        this.payments = payments;
        this.properties = properties;
        payments.pace(properties.pacing());
    }

    @Scheduled(fixedDelayString = "${chargebase.stripe.outbox-poll-interval:2s}", initialDelayString = "${chargebase.stripe.outbox-poll-interval:2s}")
    void poll() {
        if (!properties.outboxWorker()) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Payment outbox pass failed; looked at again in {}", properties.outboxPollInterval(), e);
        }
    }

    /** One pass over every tenant with payments due; answers how many payments were sent. */
    public int sendDue() {
        int sent = 0;
        for (TenantId tenant : TenantContext.callAs(TenantScope.PLATFORM, payments::tenantsDue)) {
            sent += TenantContext.callAs(TenantScope.of(tenant), () -> payments.sendDue(properties.pacing()));
        }
        return sent;
    }
}
