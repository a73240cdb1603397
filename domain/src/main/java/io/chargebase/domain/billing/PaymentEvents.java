package io.chargebase.domain.billing;

import java.util.Currency;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.billing.internal.ConnectedAccountRows;
import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.money.Money;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Acts on the payment provider's events for the current tenant, each event once: it is recorded in the transaction
 * that acts on it, and a second delivery (a replay, or the same event at the same moment) does nothing. Postings are
 * keyed by the provider's objects, not by events, so two different events about one payment post it once, in any
 * order: a payment by its PaymentIntent, a dispute by its id, refunds by their running total per charge. Money in
 * another currency than the tenant's, or an amount that is not above zero, is recorded as refused and posts nothing.
 */
@Service
@Transactional
public class PaymentEvents {

    /** What handling an event did: whether it was new, and the outcome recorded with it. */
    public record Handled(boolean duplicate, String outcome) {
    }

    private final ConnectedAccountRows accounts;
    private final Ledger ledger;
    private final Tenants tenants;
    private final Profiles profiles;
    private final CardPayments cardPayments;
    private final PaymentCustomerRows customers;

    PaymentEvents(ConnectedAccountRows accounts, Ledger ledger, Tenants tenants, Profiles profiles, CardPayments cardPayments,
            PaymentCustomerRows customers) {
        this.customers = customers;
        this.cardPayments = cardPayments;
        this.accounts = accounts;
        this.ledger = ledger;
        this.tenants = tenants;
        this.profiles = profiles;
    }

    public Handled handle(ProviderEvent.Envelope envelope) {
        if (!accounts.receive(envelope)) {
            return new Handled(true, accounts.outcomeOf(envelope.eventId()).orElse("handled before"));
        }
        String outcome = switch (envelope.event()) {
            case ProviderEvent.AccountUpdated status -> accounts.updateStatus(status, envelope.created())
                    ? "account status taken" : "account status older than the one held: ignored";
            case ProviderEvent.PaymentSucceeded payment -> succeeded(envelope, payment);
            case ProviderEvent.PaymentNotCompleted payment -> "payment " + payment.paymentIntentId() + " " + payment.status()
                    + (payment.reason() == null ? "" : ": " + payment.reason()) + "; the driver's balance stays outstanding; "
                    + cardPayments.reported(payment.paymentId(), payment.paymentIntentId(), payment.status(), payment.reason(), envelope.created());
            case ProviderEvent.ChargeRefunded refund -> refunded(envelope, refund);
            case ProviderEvent.DisputeCreated dispute -> disputed(envelope, dispute);
            case ProviderEvent.SetupSucceeded setup -> setupSucceeded(setup);
            case ProviderEvent.Unhandled unhandled -> "not acted on";
        };
        accounts.outcome(envelope.eventId(), outcome);
        return new Handled(false, outcome);
    }

    /**
     * A card saved through a SetupIntent moves no money; it is recorded against the driver it names, and the card is
     * then taken into the driver's methods after this transaction ({@link PaymentMethods#adopt}).
     */
    private String setupSucceeded(ProviderEvent.SetupSucceeded setup) {
        Optional<java.util.UUID> driver = setup.customerId() == null ? Optional.empty() : customers.profileOf(setup.customerId());
        if (driver.isEmpty()) {
            return "setup intent " + setup.setupIntentId() + " names no customer of this tenant's drivers: nothing done";
        }
        if (setup.paymentMethodId() == null) {
            return "setup intent " + setup.setupIntentId() + " attached no payment method: nothing done";
        }
        return "card " + setup.paymentMethodId() + " saved by driver " + driver.get();
    }

    /** Posts the payment and, once it is in the ledger, marks our card payment paid. */
    private String succeeded(ProviderEvent.Envelope envelope, ProviderEvent.PaymentSucceeded payment) {
        String posted = paid(envelope, payment);
        if (!posted.startsWith("payment posted")) {
            return posted;
        }
        return posted + "; " + cardPayments.reported(payment.paymentId(), payment.paymentIntentId(), "succeeded", null, envelope.created());
    }

    private String paid(ProviderEvent.Envelope envelope, ProviderEvent.PaymentSucceeded payment) {
        Optional<String> refused = refusal(payment.received());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (payment.profileId() == null || profiles.find(payment.profileId()).isEmpty()) {
            return "payment " + payment.paymentIntentId() + " names no driver of this tenant: not posted";
        }
        Ledger.Posted posted = cardPayments.postReceived(payment.paymentId(), payment.paymentIntentId(), payment.profileId(), payment.sessionId(),
                payment.received(), envelope.created());
        Money fee = payment.applicationFee();
        if (fee != null && fee.amount().signum() > 0 && refusal(fee).isEmpty()) {
            ledger.post(Posting.of("fee:" + payment.paymentIntentId(), LedgerTransactionKind.APPLICATION_FEE, payment.profileId(),
                            payment.sessionId(), payment.paymentIntentId(), "Platform fee on " + payment.paymentIntentId(), envelope.created())
                    .debit(LedgerAccount.PLATFORM_FEES, fee).credit(LedgerAccount.STRIPE_CLEARING, fee));
        }
        return posted.posted() ? "payment posted" : "payment posted before";
    }

    private String refunded(ProviderEvent.Envelope envelope, ProviderEvent.ChargeRefunded refund) {
        Optional<String> refused = refusal(refund.refunded());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (refund.captured() != null && refund.refunded().compareTo(refund.captured()) > 0) {
            return "refund of " + refund.refunded() + " is above the " + refund.captured() + " captured: not posted";
        }
        // running totals, not deltas, arrive: what is new is the total less what was posted, under a lock per charge
        ledger.lock("refund:" + refund.chargeId());
        Money posted = ledger.totalFor(LedgerTransactionKind.REFUND, refund.chargeId(), LedgerAccount.REFUNDS, refund.refunded().currency());
        Money added = refund.refunded().minus(posted).rounded();
        if (added.amount().signum() <= 0) {
            return "refunds of " + refund.chargeId() + " up to " + refund.refunded() + " posted before";
        }
        Optional<LedgerTransaction> payment = paymentOf(refund.paymentIntentId());
        ledger.post(Posting.of("refund:" + refund.chargeId() + ":" + refund.refunded().minorUnits(), LedgerTransactionKind.REFUND,
                        payment.map(LedgerTransaction::profileId).orElse(null), payment.map(LedgerTransaction::sessionId).orElse(null),
                        refund.chargeId(), "Refund on " + refund.chargeId(), envelope.created())
                .debit(LedgerAccount.REFUNDS, added).credit(LedgerAccount.STRIPE_CLEARING, added));
        return "refund of " + added + " posted";
    }

    private String disputed(ProviderEvent.Envelope envelope, ProviderEvent.DisputeCreated dispute) {
        Optional<String> refused = refusal(dispute.amount());
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<LedgerTransaction> payment = paymentOf(dispute.paymentIntentId());
        Ledger.Posted posted = ledger.post(Posting.of("dispute:" + dispute.disputeId(), LedgerTransactionKind.DISPUTE,
                        payment.map(LedgerTransaction::profileId).orElse(null), payment.map(LedgerTransaction::sessionId).orElse(null),
                        dispute.disputeId(), "Dispute " + dispute.disputeId() + " on " + dispute.chargeId(), envelope.created())
                .debit(LedgerAccount.DISPUTES, dispute.amount()).credit(LedgerAccount.STRIPE_CLEARING, dispute.amount()));
        return posted.posted() ? "dispute posted" : "dispute posted before";
    }

    private Optional<LedgerTransaction> paymentOf(String paymentIntentId) {
        return paymentIntentId == null ? Optional.empty() : ledger.findByKey(paymentKey(paymentIntentId));
    }

    /** Why the amount cannot be posted for this tenant, if it cannot. */
    private Optional<String> refusal(Money amount) {
        Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
        if (!amount.currency().equals(currency)) {
            return Optional.of("refused: " + amount + " is not in the tenant's currency " + currency.getCurrencyCode() + "; nothing posted");
        }
        if (amount.amount().signum() <= 0) {
            return Optional.of("refused: an amount of " + amount + " is not above zero; nothing posted");
        }
        return Optional.empty();
    }

    /** The idempotency key of a payment's posting: one per PaymentIntent, whichever event reports it. */
    public static String paymentKey(String paymentIntentId) {
        return "payment:" + paymentIntentId;
    }
}
