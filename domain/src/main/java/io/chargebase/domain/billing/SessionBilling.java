package io.chargebase.domain.billing;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.charging.Cdrs;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.charging.SessionRated;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Posts a rated session to the ledger: the driver's receivable is debited with the payable total (VAT included, at
 * the currency's precision) and revenue and VAT payable are credited with its two parts. Keyed by the session, so a
 * replayed event, or a second rating of the same session, posts nothing more. Sessions of no driver (roaming, ad hoc)
 * and sessions that cost nothing are not posted. Under {@link BillingStrategy#BILL_AFTER_SESSION} the card payment of
 * the payable total is recorded in the same transaction ({@link CardPayments}' outbox); under
 * {@link BillingStrategy#PRE_AUTHORISE} the session's hold is captured for it (or released). Under
 * {@link BillingStrategy#BALANCE_OR_PAYMENT_METHOD} the wallet pays what it holds of the total, under the driver's lock, and the rest is
 * charged to the card after the session (unless cards may not pay directly: it then stays outstanding, and blocks the
 * next start until a top-up pays it); the auto top-up then runs when the wallet is low. A failure is logged and leaves
 * charging untouched: posting the session later is safe.
 */
@Component
public class SessionBilling {

    private static final Logger LOG = LoggerFactory.getLogger(SessionBilling.class);

    private final Cdrs cdrs;
    private final Ledger ledger;
    private final BillingStrategies strategies;
    private final CardPayments payments;
    private final Wallets wallets;
    private final PaymentCustomerRows customers;
    private final TransactionTemplate transactions;

    SessionBilling(Cdrs cdrs, Ledger ledger, BillingStrategies strategies, CardPayments payments, Wallets wallets, PaymentCustomerRows customers,
            PlatformTransactionManager transactionManager) {
        this.wallets = wallets;
        this.customers = customers;
        this.cdrs = cdrs;
        this.ledger = ledger;
        this.strategies = strategies;
        this.payments = payments;
        this.transactions = new TransactionTemplate(transactionManager);
        // after a commit of whoever published, never inside its (finished) transaction
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs after the publisher's commit, or at once when it published outside a transaction (charging does). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionRated rated) {
        try {
            TenantContext.runAs(TenantScope.of(rated.tenantId()), () -> post(rated.sessionId(), rated.mspCdrId()));
        } catch (RuntimeException failed) {
            LOG.error("Session {} of tenant {} not posted to the ledger (posting it again is safe)", rated.sessionId(), rated.tenantId(), failed);
        }
    }

    /** Posts the session's MSP CDR in the current tenant scope; the transaction posted (now or before), if any. */
    public Optional<Ledger.Posted> post(UUID sessionId, UUID mspCdrId) {
        return transactions.execute(status -> {
            MspCdr cdr = cdrs.findMspCdr(mspCdrId).orElseThrow(() -> new IllegalStateException("No MSP CDR " + mspCdrId));
            Posting posting = postingOf(sessionId, cdr);
            StrategySettings settings = strategies.current();
            BillingStrategy strategy = settings.strategy();
            if (posting == null) {
                LOG.debug("Session {} not posted: {}", sessionId, cdr.profileId() == null ? "no driver" : "nothing to pay");
                if (strategy == BillingStrategy.PRE_AUTHORISE && cdr.profileId() != null) {
                    payments.settleHold(sessionId, cdr.profileId(), null);
                }
                return Optional.<Ledger.Posted>empty();
            }
            Ledger.Posted posted = ledger.post(posting);
            // the outbox rows, in the posting's transaction: sent after this commits, and never lost
            Money payable = new Money(cdr.payableTotal(), cdr.currency()).rounded();
            if (strategy == BillingStrategy.BILL_AFTER_SESSION) {
                payments.recordSessionPayment(sessionId, cdr.profileId(), payable);
            } else if (strategy == BillingStrategy.PRE_AUTHORISE) {
                payments.settleHold(sessionId, cdr.profileId(), payable);
            } else if (strategy == BillingStrategy.BALANCE_OR_PAYMENT_METHOD && posted.posted()) {
                payFromTheWallet(settings, sessionId, cdr, payable);
            }
            return Optional.of(posted);
        });
    }

    private void payFromTheWallet(StrategySettings settings, UUID sessionId, MspCdr cdr, Money payable) {
        Money rest = walletFirst(settings, cdr.profileId(), payable, walletKeyOf(sessionId), sessionId, "Charging session " + cdr.cdrNumber());
        if (rest.amount().signum() > 0) {
            payments.recordSessionPayment(sessionId, cdr.profileId(), rest);
        }
    }

    /**
     * Under the balance strategy, in the caller's transaction: the wallet pays what it holds of {@code amount} (once per
     * {@code key}), the auto top-up runs if the wallet is low now, and the answer is the rest a card is to pay (zero when
     * cards may not pay directly or the driver has none: it stays outstanding).
     */
    Money walletFirst(StrategySettings settings, UUID profileId, Money amount, String key, UUID sessionId, String description) {
        Money rest = amount.minus(wallets.payUpTo(profileId, amount, key, sessionId, description)).rounded();
        payments.autoTopUpIfLow(profileId, wallets.balance(profileId));
        return rest.amount().signum() > 0 && !settings.balanceOnly() && customers.customerOf(profileId).isPresent() ? rest
                : Money.zero(rest.currency());
    }

    /** The idempotency key of the wallet's payment of a session. */
    public static String walletKeyOf(UUID sessionId) {
        return "wallet-session:" + sessionId;
    }

    /** The session's posting, or {@code null} when there is nothing a driver owes. */
    static Posting postingOf(UUID sessionId, MspCdr cdr) {
        // the CDR's payable total, at the currency's scale, is what the driver is charged (see PriceEstimates)
        Money payable = new Money(cdr.payableTotal(), cdr.currency()).rounded();
        Money net = new Money(cdr.totalCostExclVat(), cdr.currency()).rounded();
        Money vat = payable.minus(net);
        if (cdr.profileId() == null || payable.amount().signum() <= 0) {
            return null;
        }
        Posting posting = Posting.of(keyOf(sessionId), LedgerTransactionKind.SESSION, cdr.profileId(), sessionId, cdr.cdrNumber(),
                "Charging session " + cdr.cdrNumber(), cdr.end()).debit(LedgerAccount.DRIVER_RECEIVABLE, payable);
        if (net.amount().signum() > 0) {
            posting = posting.credit(LedgerAccount.REVENUE, net);
        }
        if (vat.amount().signum() > 0) {
            posting = posting.credit(LedgerAccount.VAT_PAYABLE, vat);
        }
        return posting;
    }

    /** The idempotency key of a session's posting: one per session, whatever re-rating happens later. */
    public static String keyOf(UUID sessionId) {
        return "session:" + sessionId;
    }
}
