package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.billing.internal.ConnectedAccountRows;
import io.chargebase.domain.billing.internal.RefundRows;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Refunds of card payments, asked for by the tenant's admins. Everything is checked before anything is sent: the
 * payment is one of this tenant's, the amount is above zero, in the tenant's currency and at most what was captured
 * less what was refunded or is being refunded. The request is recorded (committed) before it is sent with the
 * idempotency key {@code refund:<payment>:<seq>}; a request still pending when the admin tries again is sent again
 * under its own key, so a retry never refunds twice. The ledger entry is posted when the provider answers, keyed like
 * {@link PaymentEvents}' charge.refunded posting (the running refunded total of the charge), so whichever comes
 * first posts and the other finds nothing new. Provider calls happen outside database transactions.
 */
@Service
public class Refunds {

    /** A refund as it was recorded: the payment it refunds, how much, why, and what the provider answered. */
    public record Refund(UUID id, UUID paymentTransactionId, int seq, Money amount, String reason, String status, String refundId,
            String chargeId) {

        public String idempotencyKey() {
            return "refund:" + paymentTransactionId + ":" + seq;
        }
    }

    private final PaymentProvider provider;
    private final ConnectedAccountRows accounts;
    private final RefundRows rows;
    private final Ledger ledger;
    private final Tenants tenants;
    private final TransactionTemplate transactions;

    Refunds(PaymentProvider provider, ConnectedAccountRows accounts, RefundRows rows, Ledger ledger, Tenants tenants,
            PlatformTransactionManager transactionManager) {
        this.provider = provider;
        this.accounts = accounts;
        this.rows = rows;
        this.ledger = ledger;
        this.tenants = tenants;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Refunds {@code amount} of the payment (the rest when null) for {@code reason}; {@code currency}, when given,
     * must be the payment's. A payment of another tenant, or not a payment, is not found.
     */
    public Refund refund(UUID paymentTransactionId, BigDecimal amount, String currency, String reason) {
        String why = Text.required("reason", reason, 500);
        record Prepared(Refund refund, String accountId, String paymentIntentId) {
        }
        Prepared prepared = transactions.execute(status -> {
            LedgerTransaction payment = ledger.find(paymentTransactionId).filter(found -> found.kind() == LedgerTransactionKind.PAYMENT)
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "paymentId", "No such payment."));
            String accountId = accounts.current().map(ConnectedAccount::accountId)
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "paymentId", "The tenant has no connected account."));
            Money captured = captured(payment);
            if (currency != null && !currency.strip().equalsIgnoreCase(captured.currency().getCurrencyCode())) {
                throw new DomainException(ErrorCode.INVALID, "currency", "The payment is in " + captured.currency().getCurrencyCode()
                        + ", not " + currency.strip() + ".");
            }
            rows.lock(paymentTransactionId);
            Refund pending = rows.pending(paymentTransactionId).orElse(null);
            if (pending != null) {
                if (amount != null && pending.amount().amount().compareTo(amount) != 0) {
                    throw new DomainException(ErrorCode.INVALID, "amount", "A refund of " + pending.amount()
                            + " of this payment is still waiting for the payment provider; ask again for that refund first.");
                }
                return new Prepared(pending, accountId, payment.reference());
            }
            Money rest = captured.minus(new Money(rows.refundedOrPending(paymentTransactionId), captured.currency())).rounded();
            Money asked = amount == null ? rest : checked(amount, captured.currency());
            if (asked.amount().signum() <= 0) {
                throw new DomainException(ErrorCode.INVALID, "amount", "Nothing of this payment is left to refund.");
            }
            if (asked.compareTo(rest) > 0) {
                throw new DomainException(ErrorCode.INVALID, "amount", "A refund of " + asked + " is above the " + rest
                        + " left of the " + captured + " captured.");
            }
            Refund recorded = new Refund(UUID.randomUUID(), paymentTransactionId, rows.nextSeq(paymentTransactionId), asked, why, "PENDING",
                    null, null);
            rows.insert(recorded);
            return new Prepared(recorded, accountId, payment.reference());
        });
        Refund refund = prepared.refund();
        PaymentProvider.ProviderRefund answer;
        try {
            answer = provider.refund(refund.idempotencyKey(), prepared.accountId(), prepared.paymentIntentId(), refund.amount(), refund.reason());
        } catch (PaymentProviderException e) {
            if (!e.retryable()) {
                transactions.executeWithoutResult(status -> rows.answered(refund.id(), "FAILED", null, null));
            }
            throw e;
        }
        return transactions.execute(status -> {
            rows.answered(refund.id(), "SUCCEEDED", answer.refundId(), answer.chargeId());
            post(answer.chargeId(), refund);
            return rows.find(refund.id()).orElseThrow();
        });
    }

    /**
     * Brings the charge's posted refunds up to the total of the refunds the provider accepted, keyed by that running
     * total like the charge.refunded webhook does; nothing when the webhook (or an earlier answer) posted it already.
     */
    private void post(String chargeId, Refund refund) {
        Currency currency = refund.amount().currency();
        ledger.lock("refund:" + chargeId);
        Money accepted = new Money(rows.acceptedForCharge(chargeId), currency).rounded();
        Money posted = ledger.totalFor(LedgerTransactionKind.REFUND, chargeId, LedgerAccount.REFUNDS, currency);
        Money added = accepted.minus(posted).rounded();
        if (added.amount().signum() <= 0) {
            return;
        }
        LedgerTransaction payment = ledger.find(refund.paymentTransactionId()).orElseThrow();
        ledger.post(Posting.of("refund:" + chargeId + ":" + accepted.minorUnits(), LedgerTransactionKind.REFUND, payment.profileId(),
                        payment.sessionId(), chargeId, "Refund on " + chargeId + ": " + refund.reason(), Instant.now())
                .debit(LedgerAccount.REFUNDS, added).credit(LedgerAccount.STRIPE_CLEARING, added));
    }

    /** What the payment brought in: its debit to Stripe clearing. */
    private static Money captured(LedgerTransaction payment) {
        return payment.entries().stream().filter(entry -> entry.account() == LedgerAccount.STRIPE_CLEARING && entry.amount().amount().signum() > 0)
                .map(Posting.Entry::amount).findFirst().orElseThrow();
    }

    private Money checked(BigDecimal amount, Currency paid) {
        Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
        if (!paid.equals(currency)) {
            throw new DomainException(ErrorCode.INVALID, "amount", "The payment is in " + paid.getCurrencyCode() + ", not the tenant's currency "
                    + currency.getCurrencyCode() + ".");
        }
        if (amount.signum() <= 0) {
            throw new DomainException(ErrorCode.INVALID, "amount", "A refund is above zero.");
        }
        if (amount.stripTrailingZeros().scale() > Money.scale(currency)) {
            throw new DomainException(ErrorCode.INVALID, "amount", "A refund in " + currency.getCurrencyCode() + " has at most "
                    + Money.scale(currency) + " decimals.");
        }
        return new Money(amount, currency).rounded();
    }
}
