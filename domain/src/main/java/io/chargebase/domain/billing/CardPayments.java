package io.chargebase.domain.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.CardPaymentRows;
import io.chargebase.domain.billing.internal.ConnectedAccountRows;
import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Card payments through an outbox. A payment is recorded (in its cause's transaction: the session's posting) before
 * anything is sent; {@link #sendDue} sends what is due with the payment's own idempotency key, outside any database
 * transaction, and records the answer. A network error, 429 or 5xx leaves it due again after a backoff that doubles
 * with each attempt; a worker that dies mid-call leaves it leased, and due again when the lease ends. Whatever happens
 * in between, the provider sees one key per payment, so it creates one PaymentIntent. The payment is posted to the
 * ledger (receivable credited, Stripe clearing debited) under the PaymentIntent's key, the one the
 * {@code payment_intent.succeeded} webhook posts under, so whichever of answer and webhook comes first posts it.
 */
@Service
public class CardPayments {

    /** How the outbox paces itself: the first backoff (doubled per failure up to the maximum) and a sender's lease. */
    public record Pacing(Duration backoff, Duration maxBackoff, Duration lease) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CardPayments.class);
    private static final int BATCH = 50;

    private final PaymentProvider provider;
    private final CardPaymentRows rows;
    private final ConnectedAccountRows accounts;
    private final PaymentCustomerRows customers;
    private final Ledger ledger;
    private final Tenants tenants;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CardPayments(PaymentProvider provider, CardPaymentRows rows, ConnectedAccountRows accounts, PaymentCustomerRows customers, Ledger ledger,
            Tenants tenants, Clock clock, PlatformTransactionManager transactionManager) {
        this.provider = provider;
        this.rows = rows;
        this.accounts = accounts;
        this.customers = customers;
        this.ledger = ledger;
        this.tenants = tenants;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The idempotency key of a session's payment: one per session, whoever sends it how often. */
    public static String sessionKey(UUID sessionId) {
        return "session-payment:" + sessionId;
    }

    /** Records the session's payment, due at once, in the caller's transaction; nothing when it was recorded before. */
    void recordSessionPayment(UUID sessionId, UUID profileId, Money payable) {
        Money amount = checked(payable);
        rows.insert(new CardPayment(UUID.randomUUID(), profileId, sessionId, "SESSION", amount, sessionKey(sessionId), CardPaymentStatus.PENDING,
                null, null, null, "DUE", 0), clock.instant());
    }

    /** Sends the current tenant's payments due now, a batch at a time; answers how many were sent (answered or not). */
    public int sendDue(Pacing pacing) {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<CardPayment> due = transactions.execute(status -> rows.claimDue(now, now.plus(pacing.lease()), BATCH));
            if (due.isEmpty()) {
                return sent;
            }
            for (CardPayment payment : due) {
                send(payment, pacing);
                sent++;
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
    }

    /** The tenants with payments due (ids only, through the platform's narrow lookup). */
    public List<io.chargebase.tenancy.TenantId> tenantsDue() {
        return transactions.execute(status -> rows.tenantsDue(clock.instant()));
    }

    private CardPayment send(CardPayment payment, Pacing pacing) {
        record Target(String account, String customer) {
        }
        Target target = transactions.execute(status -> new Target(accounts.current().map(ConnectedAccount::accountId).orElse(null),
                customers.customerOf(payment.profileId()).orElse(null)));
        if (target.account() == null || target.customer() == null) {
            String why = target.account() == null ? "the tenant has no connected account" : "the driver has no saved card";
            transactions.executeWithoutResult(status -> rows.refused(payment.id(), why));
            LOG.warn("Payment {} not sent: {}", payment.id(), why);
            return transactions.execute(status -> rows.find(payment.id()).orElseThrow());
        }
        PaymentProvider.Ours ours = new PaymentProvider.Ours(payment.id(), payment.profileId(), payment.sessionId());
        PaymentProvider.IntentAnswer answer;
        try {
            answer = "BALANCE".equals(payment.purpose())
                    ? provider.intentForTheApp(payment.idempotencyKey(), target.account(), target.customer(), payment.amount(), ours)
                    : provider.chargeSavedCard(payment.idempotencyKey(), target.account(), target.customer(), payment.amount(), ours);
        } catch (PaymentProviderException failed) {
            if (failed.retryable()) {
                Instant next = clock.instant().plus(backoff(pacing, payment.attempts()));
                transactions.executeWithoutResult(status -> rows.retryAt(payment.id(), next, failed.getMessage()));
                LOG.info("Payment {} not sent ({}); tried again at {}", payment.id(), failed.getMessage(), next);
            } else {
                transactions.executeWithoutResult(status -> rows.refused(payment.id(), failed.getMessage()));
                LOG.warn("Payment {} refused by the provider: {}", payment.id(), failed.getMessage());
            }
            return transactions.execute(status -> rows.find(payment.id()).orElseThrow());
        }
        return transactions.execute(status -> answered(payment, answer));
    }

    private CardPayment answered(CardPayment payment, PaymentProvider.IntentAnswer answer) {
        CardPaymentStatus status = CardPaymentStatus.ofIntent(answer.status());
        CardPayment now = rows.answered(payment.id(), answer.paymentIntentId(), status, answer.clientSecret(), answer.failure());
        if (status == CardPaymentStatus.SUCCEEDED) {
            post(now, answer.received() != null ? answer.received() : payment.amount(), clock.instant());
        }
        return now;
    }

    /** The payment as the ledger holds it: receivable credited, Stripe clearing debited, once per PaymentIntent. */
    private void post(CardPayment payment, Money received, Instant at) {
        ledger.post(Posting.of(PaymentEvents.paymentKey(payment.paymentIntentId()), LedgerTransactionKind.PAYMENT, payment.profileId(),
                        payment.sessionId(), payment.paymentIntentId(), "Card payment " + payment.paymentIntentId(), at)
                .debit(LedgerAccount.STRIPE_CLEARING, received).credit(LedgerAccount.DRIVER_RECEIVABLE, received));
    }

    /**
     * What a webhook reported about a PaymentIntent, in the caller's (the event's) transaction: the payment it names
     * takes the status unless a newer event set one or its status is final. Answers what was done, for the event's log.
     */
    String reported(UUID paymentId, String paymentIntentId, String intentStatus, String failure, Instant at) {
        CardPaymentStatus status = CardPaymentStatus.ofIntent(intentStatus);
        return rows.reported(paymentId, paymentIntentId, status, failure, at).map(payment -> "payment " + payment.id() + " now " + status)
                .orElse("no payment of ours changed");
    }

    /**
     * What stands in the way of the driver starting under a card strategy: a payment that waits for them, or a balance
     * that no payment on its way covers. Empty when nothing does.
     */
    public Optional<String> unpaid(UUID profileId) {
        return transactions.execute(status -> {
            if (!rows.waitingForTheDriver(profileId).isEmpty()) {
                return Optional.of("a payment waits for you: complete it in the app first");
            }
            Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
            Money owed = ledger.outstanding(profileId, currency).minus(new Money(rows.onTheirWay(profileId, currency), currency)).rounded();
            return owed.amount().signum() > 0 ? Optional.of("an outstanding balance of " + owed + ": pay it in the app first") : Optional.empty();
        });
    }

    /**
     * What the driver does to pay what they owe: the payments that wait for them (to authenticate, or to confirm with
     * another card), and, when the balance is more than those and the payments on their way cover, a new payment of
     * the rest that the app confirms. Empty when nothing is owed.
     */
    public List<CardPayment> payOutstanding(UUID profileId, Pacing pacing) {
        record Open(List<CardPayment> waiting, CardPayment added) {
        }
        Open open = transactions.execute(status -> {
            List<CardPayment> waiting = rows.waitingForTheDriver(profileId);
            Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
            Money covered = waiting.stream().map(CardPayment::amount).reduce(Money.zero(currency), Money::plus)
                    .plus(new Money(rows.onTheirWay(profileId, currency), currency));
            Money rest = ledger.outstanding(profileId, currency).minus(covered).rounded();
            if (rest.amount().signum() <= 0) {
                return new Open(waiting, null);
            }
            if (customers.customerOf(profileId).isEmpty()) {
                throw new DomainException(ErrorCode.NOT_USABLE, null, "Save a card first: an outstanding balance of " + rest + " is paid by card.");
            }
            UUID id = UUID.randomUUID();
            CardPayment added = new CardPayment(id, profileId, null, "BALANCE", rest, "balance-payment:" + id, CardPaymentStatus.PENDING,
                    null, null, null, "DUE", 0);
            rows.insert(added, clock.instant().plus(pacing.lease()));
            return new Open(waiting, added);
        });
        if (open.added() == null) {
            return open.waiting();
        }
        CardPayment sent = send(open.added(), pacing);
        return java.util.stream.Stream.concat(open.waiting().stream(), java.util.stream.Stream.of(sent)).toList();
    }

    /** The status of each session's payment; sessions without one are missing. */
    public Map<UUID, CardPaymentStatus> statusOfSessions(Collection<UUID> sessionIds) {
        return transactions.execute(status -> rows.statusOfSessions(sessionIds));
    }

    public Optional<CardPayment> ofSession(UUID sessionId) {
        return transactions.execute(status -> rows.byKey(sessionKey(sessionId)));
    }

    private Money checked(Money amount) {
        Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
        if (!amount.currency().equals(currency)) {
            throw new DomainException(ErrorCode.INVALID_CURRENCY, "amount", "A payment is in the tenant's currency " + currency.getCurrencyCode()
                    + ", not " + amount.currency().getCurrencyCode() + ".");
        }
        if (amount.amount().signum() <= 0) {
            throw new DomainException(ErrorCode.INVALID, "amount", "A payment is above zero.");
        }
        return amount.rounded();
    }

    static Duration backoff(Pacing pacing, int attempts) {
        Duration wait = pacing.backoff();
        for (int i = 1; i < attempts && wait.compareTo(pacing.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(pacing.maxBackoff()) > 0 ? pacing.maxBackoff() : wait;
    }
}
