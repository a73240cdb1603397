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
import io.chargebase.domain.billing.internal.TopUpPackageRows;
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
    private final ApplicationFees fees;
    private final Tenants tenants;
    private final TopUpPackageRows topUps;
    private final Wallets wallets;
    private final Vouchers vouchers;
    private final BillingStrategies strategies;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransactions;

    CardPayments(PaymentProvider provider, CardPaymentRows rows, ConnectedAccountRows accounts, PaymentCustomerRows customers, Ledger ledger,
            ApplicationFees fees, Tenants tenants, TopUpPackageRows topUps, Wallets wallets, Vouchers vouchers, BillingStrategies strategies,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.strategies = strategies;
        this.topUps = topUps;
        this.wallets = wallets;
        this.vouchers = vouchers;
        this.provider = provider;
        this.rows = rows;
        this.accounts = accounts;
        this.customers = customers;
        this.ledger = ledger;
        this.fees = fees;
        this.tenants = tenants;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransactions = new TransactionTemplate(transactionManager);
        // a hold is asked for during a charger's Authorize or StartTransaction: what it records outlives their transaction
        this.ownTransactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The idempotency key of a session's payment: one per session, whoever sends it how often. */
    public static String sessionKey(UUID sessionId) {
        return "session-payment:" + sessionId;
    }

    /** Records the session's payment, due at once, in the caller's transaction; nothing when it was recorded before. */
    void recordSessionPayment(UUID sessionId, UUID profileId, Money payable) {
        Money amount = checked(payable);
        rows.insert(CardPayment.recorded(profileId, sessionId, "SESSION", amount, sessionKey(sessionId)), clock.instant());
    }

    /** Records the off-session charge of what a corrected session costs more, due at once; once per MSP CDR version. */
    void recordCorrectionPayment(UUID sessionId, UUID profileId, Money amount, UUID mspCdrId) {
        rows.insert(CardPayment.recorded(profileId, sessionId, "CORRECTION", checked(amount), "correction-payment:" + mspCdrId), clock.instant());
    }

    /** The pacing of payments sent at once (a hold at a start, a balance from the app); the api sets its configured one. */
    private volatile Pacing pacing = new Pacing(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(2));

    public void pace(Pacing configured) {
        this.pacing = configured;
    }

    /** How long a hold placed at an Authorize waits for its session's start (the StartTransaction that follows it). */
    private static final Duration HOLD_REUSED_FOR = Duration.ofMinutes(30);

    /**
     * Holds {@code amount} on the driver's card for a session about to start, unless a hold placed moments ago (at the
     * Authorize before this StartTransaction) waits unused. Sent at once: the start waits for it. Empty when it is
     * held; otherwise why not, for the driver.
     */
    Optional<String> hold(UUID profileId, Money amount) {
        Money held = checked(amount);
        Optional<CardPayment> waiting = transactions.execute(status -> rows.unboundHold(profileId, clock.instant().minus(HOLD_REUSED_FOR)));
        if (waiting.isPresent()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        CardPayment hold = new CardPayment(id, profileId, null, "HOLD", held, "hold:" + id, CardPaymentStatus.PENDING, null, null, null, "DUE", 0,
                "CREATE", null);
        Pacing now = pacing;
        ownTransactions.executeWithoutResult(status -> rows.insert(hold, clock.instant().plus(now.lease())));
        CardPayment answered = send(hold, now, ownTransactions);
        return answered.status() == CardPaymentStatus.AUTHORISED ? Optional.empty()
                : Optional.of(held + " could not be pre-authorised on your card" + (answered.failure() == null ? "" : " (" + answered.failure() + ")"));
    }

    /**
     * Settles a session that ended under a hold, in the caller's (the session's posting) transaction: the hold bound to
     * it (or the driver's waiting one, bound now) is captured for the payable total, at most what it holds (a rest
     * above it stays outstanding, to be paid from the app), or released when nothing is owed. A session without a
     * usable hold (none placed, or it lapsed) is charged after all, so no session is lost.
     */
    void settleHold(UUID sessionId, UUID profileId, Money payable) {
        Optional<CardPayment> hold = holdFor(sessionId, profileId);
        boolean owes = payable != null && payable.amount().signum() > 0;
        if (hold.isPresent() && hold.get().status() == CardPaymentStatus.AUTHORISED) {
            Money capture = owes && payable.compareTo(hold.get().amount()) > 0 ? hold.get().amount() : payable;
            if (owes ? rows.settle(hold.get().id(), "CAPTURE", capture.rounded().amount()) : rows.settle(hold.get().id(), "CANCEL", null)) {
                return;
            }
        }
        if (owes) {
            recordSessionPayment(sessionId, profileId, payable);
        }
    }

    /** The hold paying for the session, binding the driver's waiting one to it the first time. */
    Optional<CardPayment> holdFor(UUID sessionId, UUID profileId) {
        Optional<CardPayment> bound = rows.holdOf(sessionId);
        if (bound.isPresent() || profileId == null) {
            return bound;
        }
        Optional<CardPayment> waiting = rows.unboundHold(profileId, clock.instant().minus(Duration.ofDays(7)));
        return waiting.filter(hold -> rows.bind(hold.id(), sessionId)).flatMap(hold -> rows.holdOf(sessionId));
    }

    /** Records, once, that the session paid by {@code hold} is to be stopped; whether this call did. */
    boolean stopOnce(CardPayment hold) {
        return rows.stopRequested(hold.id());
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
        return send(payment, pacing, transactions);
    }

    private CardPayment send(CardPayment payment, Pacing pacing, TransactionTemplate transactions) {
        record Target(String account, String customer, ApplicationFee fee, boolean offSession) {
        }
        Target target = transactions.execute(status -> new Target(accounts.current().map(ConnectedAccount::accountId).orElse(null),
                customers.customerOf(payment.profileId()).orElse(null), rows.settledFee(payment.id(), fees.current()),
                !"TOP_UP".equals(payment.purpose()) || rows.topUpTerms(payment.id()).map(CardPaymentRows.TopUpTerms::auto).orElse(false)));
        if (target.account() == null || target.customer() == null) {
            String why = target.account() == null ? "the tenant has no connected account" : "the driver has no saved card";
            transactions.executeWithoutResult(status -> rows.refused(payment.id(), why));
            LOG.warn("Payment {} not sent: {}", payment.id(), why);
            return transactions.execute(status -> rows.find(payment.id()).orElseThrow());
        }
        PaymentProvider.Ours ours = new PaymentProvider.Ours(payment.id(), payment.profileId(), payment.sessionId());
        PaymentProvider.IntentAnswer answer;
        String key = payment.keyOfOperation();
        try {
            answer = switch (payment.purpose() + ":" + payment.operation()) {
                // a top-up the driver buys in the app is confirmed there (3-D Secure included); the auto top-up's is charged off-session
                case "BALANCE:CREATE" -> provider.intentForTheApp(key, target.account(), target.customer(), payment.amount(),
                        target.fee().on(payment.amount()), ours);
                // a hold's fee is taken at its capture, on what is captured
                case "HOLD:CREATE" -> provider.holdOnSavedCard(key, target.account(), target.customer(), payment.amount(), ours);
                case "HOLD:CAPTURE" -> provider.capture(key, target.account(), payment.paymentIntentId(), payment.captureAmount(),
                        target.fee().on(payment.captureAmount()));
                case "HOLD:CANCEL" -> provider.cancel(key, target.account(), payment.paymentIntentId());
                case "TOP_UP:CREATE" -> target.offSession()
                        ? provider.chargeSavedCard(key, target.account(), target.customer(), payment.amount(), target.fee().on(payment.amount()), ours)
                        : provider.intentForTheApp(key, target.account(), target.customer(), payment.amount(), target.fee().on(payment.amount()), ours);
                default -> provider.chargeSavedCard(key, target.account(), target.customer(), payment.amount(), target.fee().on(payment.amount()), ours);
            };
        } catch (PaymentProviderException failed) {
            if (failed.retryable()) {
                Instant next = clock.instant().plus(backoff(pacing, payment.attempts()));
                transactions.executeWithoutResult(status -> rows.retryAt(payment.id(), next, failed.getMessage()));
                LOG.info("Payment {} not sent ({}); tried again at {}", payment.id(), failed.getMessage(), next);
            } else {
                transactions.executeWithoutResult(status -> {
                    rows.refused(payment.id(), failed.getMessage());
                    autoTopUpFailed(payment.id(), payment.profileId(), failed.getMessage());
                    if ("CAPTURE".equals(payment.operation())) {
                        // the hold lapsed (its validity ended, or it was released): the session is charged after all
                        rows.reported(payment.id(), null, CardPaymentStatus.CANCELED, failed.getMessage(), clock.instant());
                        recordSessionPayment(payment.sessionId(), payment.profileId(), payment.captureAmount());
                    }
                });
                LOG.warn("Payment {} refused by the provider: {}", payment.id(), failed.getMessage());
            }
            return transactions.execute(status -> rows.find(payment.id()).orElseThrow());
        }
        PaymentProvider.IntentAnswer taken = answer;
        boolean confirmedInTheApp = "BALANCE".equals(payment.purpose()) || ("TOP_UP".equals(payment.purpose()) && !target.offSession());
        if (confirmedInTheApp && "CREATE".equals(payment.operation()) && answer.failure() == null
                && ("requires_payment_method".equals(answer.status()) || "requires_confirmation".equals(answer.status()))) {
            // a top-up bought in the app, or a balance paid there, starts unconfirmed: the driver confirms it there with the
            // client secret; it has not failed
            taken = new PaymentProvider.IntentAnswer(answer.paymentIntentId(), "requires_action", answer.clientSecret(), answer.received(), null);
        }
        PaymentProvider.IntentAnswer given = taken;
        return transactions.execute(status -> answered(payment, given));
    }

    private CardPayment answered(CardPayment payment, PaymentProvider.IntentAnswer answer) {
        CardPaymentStatus status = CardPaymentStatus.ofIntent(answer.status());
        CardPayment now = rows.answered(payment.id(), answer.paymentIntentId(), status, answer.clientSecret(), answer.failure());
        if (status == CardPaymentStatus.SUCCEEDED) {
            Money asked = payment.captureAmount() != null ? payment.captureAmount() : payment.amount();
            postReceived(now.id(), now.paymentIntentId(), now.profileId(), now.sessionId(), answer.received() != null ? answer.received() : asked,
                    clock.instant());
        } else if (now.status().needsTheDriver()) {
            autoTopUpFailed(now.id(), now.profileId(), now.failure() != null ? now.failure() : "the card asks for authentication");
        }
        return now;
    }

    /**
     * The money a PaymentIntent brought in, as the ledger holds it, once per PaymentIntent whichever of the API's answer
     * and the webhook comes first: Stripe clearing debited and the driver's receivable credited; for a bought top-up
     * ({@code paymentId} one of ours) the wallet is credited instead, with the package's bonus on top, the top-up is
     * listed with the vouchers, and the wallet then pays what the driver owes that no card payment is meant to pay.
     */
    Ledger.Posted postReceived(UUID paymentId, String paymentIntentId, UUID profileId, UUID sessionId, Money received, Instant at) {
        Optional<CardPaymentRows.TopUpTerms> topUp = paymentId == null ? Optional.empty() : rows.topUpTerms(paymentId);
        String key = PaymentEvents.paymentKey(paymentIntentId);
        if (topUp.isEmpty()) {
            return ledger.post(Posting.of(key, LedgerTransactionKind.PAYMENT, profileId, sessionId, paymentIntentId, "Card payment " + paymentIntentId, at)
                    .debit(LedgerAccount.STRIPE_CLEARING, received).credit(LedgerAccount.DRIVER_RECEIVABLE, received));
        }
        Money bonus = new Money(topUp.get().bonus(), received.currency()).rounded();
        Money credit = received.plus(bonus).rounded();
        Posting posting = Posting.of(key, LedgerTransactionKind.TOP_UP, profileId, null, paymentIntentId, "Top-up " + paymentIntentId, at)
                .debit(LedgerAccount.STRIPE_CLEARING, received);
        if (bonus.amount().signum() > 0) {
            posting = posting.debit(LedgerAccount.TOP_UP_BONUSES, bonus);
        }
        Ledger.Posted posted = wallets.credit(posting.credit(LedgerAccount.DRIVER_WALLET, credit));
        if (posted.posted()) {
            vouchers.recordBoughtTopUp(profileId, credit, (topUp.get().auto() ? "Auto top-up " : "Top-up ") + received
                    + (bonus.amount().signum() > 0 ? " + bonus " + bonus : ""), topUp.get().auto() ? "auto top-up" : "driver", at);
            Currency currency = received.currency();
            Money covered = rows.waitingForTheDriver(profileId).stream().map(CardPayment::amount).reduce(Money.zero(currency), Money::plus)
                    .plus(new Money(rows.onTheirWay(profileId, currency), currency));
            Money owed = ledger.outstanding(profileId, currency).minus(covered).rounded();
            if (owed.amount().signum() > 0) {
                wallets.payUpTo(profileId, owed, "wallet-settles:" + paymentIntentId, null, "Outstanding balance paid from the wallet");
            }
        }
        return posted;
    }

    /** A top-up the auto top-up sent could not be paid: it is turned off, with why, so it is not tried at every reading. */
    private void autoTopUpFailed(UUID paymentId, UUID profileId, String why) {
        if (rows.topUpTerms(paymentId).map(CardPaymentRows.TopUpTerms::auto).orElse(false)) {
            topUps.disableAutoTopUp(profileId, cut("The saved card could not pay the auto top-up: " + why, 200));
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * The driver buys {@code packageId} (a package offered now, in the tenant's currency) in the app: a payment of its
     * price, sent at once, that the app confirms with the answer's client secret (3-D Secure included). The wallet is
     * credited the price and the bonus once the payment succeeded.
     */
    public CardPayment buyTopUp(UUID profileId, UUID packageId, String currency, Pacing pacing) {
        CardPayment recorded = transactions.execute(status -> {
            Currency tenantCurrency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
            if (currency != null && !currency.equals(tenantCurrency.getCurrencyCode())) {
                throw new DomainException(ErrorCode.INVALID_CURRENCY, "currency", "Top-ups are in the tenant's currency "
                        + tenantCurrency.getCurrencyCode() + ", not " + currency + ".");
            }
            TopUpPackage version = topUps.find(packageId).filter(TopUpPackage::current)
                    .orElseThrow(() -> DomainException.notFound("packageId", "top-up package", packageId));
            if (!version.enabled()) {
                throw new DomainException(ErrorCode.NOT_USABLE, "packageId", "This package is not offered now.");
            }
            if (accounts.current().isEmpty()) {
                throw new DomainException(ErrorCode.NOT_USABLE, null, "The operator takes no card payments yet.");
            }
            if (customers.customerOf(profileId).isEmpty()) {
                throw new DomainException(ErrorCode.NOT_USABLE, null, "Save a card first: top-ups are paid by card.");
            }
            UUID id = UUID.randomUUID();
            CardPayment payment = CardPayment.recorded(profileId, null, "TOP_UP", checked(version.price()), "top-up:" + id);
            rows.insertTopUp(payment, version.id(), version.bonus().amount(), false, clock.instant().plus(pacing.lease()));
            return rows.find(payment.id()).orElseThrow();
        });
        return send(recorded, pacing);
    }

    /**
     * The driver's auto top-up, in the caller's transaction: when it is on and {@code available} (the wallet less what
     * running sessions cost so far) is at or below its threshold, a payment of the chosen package version is recorded,
     * charged off-session to the saved card by the outbox; at most one is on its way per driver. Answers whether one was recorded.
     */
    boolean autoTopUpIfLow(UUID profileId, Money available) {
        Optional<AutoTopUp> auto = topUps.autoTopUp(profileId).filter(AutoTopUp::enabled);
        if (auto.isEmpty() || available.compareTo(auto.get().threshold()) > 0 || rows.autoTopUpOnItsWay(profileId)) {
            return false;
        }
        Optional<TopUpPackage> version = topUps.find(auto.get().packageId()).filter(found -> !found.deleted());
        if (version.isEmpty()) {
            return false;
        }
        if (customers.customerOf(profileId).isEmpty()) {
            topUps.disableAutoTopUp(profileId, "No saved card pays the auto top-up.");
            return false;
        }
        UUID id = UUID.randomUUID();
        return rows.insertTopUp(CardPayment.recorded(profileId, null, "TOP_UP", checked(version.get().price()), "auto-top-up:" + id),
                version.get().id(), version.get().bonus().amount(), true, clock.instant());
    }

    /** Whether an auto top-up of the driver is on its way: a session may run on while it comes. */
    boolean autoTopUpOnItsWay(UUID profileId) {
        return rows.autoTopUpOnItsWay(profileId);
    }

    /**
     * What a webhook reported about a PaymentIntent, in the caller's (the event's) transaction: the payment it names
     * takes the status unless a newer event set one or its status is final. Answers what was done, for the event's log.
     */
    String reported(UUID paymentId, String paymentIntentId, String intentStatus, String failure, Instant at) {
        CardPaymentStatus status = CardPaymentStatus.ofIntent(intentStatus);
        Optional<CardPayment> changed = rows.reported(paymentId, paymentIntentId, status, failure, at);
        changed.filter(payment -> payment.status().needsTheDriver())
                .ifPresent(payment -> autoTopUpFailed(payment.id(), payment.profileId(), failure != null ? failure : intentStatus));
        return changed.map(payment -> "payment " + payment.id() + " now " + status).orElse("no payment of ours changed");
    }

    /**
     * What stands in the way of the driver starting under a card strategy: a payment that waits for them, or a balance
     * that no payment on its way covers. Empty when nothing does.
     */
    public Optional<String> unpaid(UUID profileId) {
        return unpaid(profileId, "pay it in the app first");
    }

    /** {@link #unpaid(UUID)}, telling the driver {@code howToPay} an outstanding balance. */
    Optional<String> unpaid(UUID profileId, String howToPay) {
        return transactions.execute(status -> {
            if (!rows.waitingForTheDriver(profileId).isEmpty()) {
                return Optional.of("a payment waits for you: complete it in the app first");
            }
            Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
            Money owed = ledger.outstanding(profileId, currency).minus(new Money(rows.onTheirWay(profileId, currency), currency)).rounded();
            return owed.amount().signum() > 0 ? Optional.of("an outstanding balance of " + owed + ": " + howToPay) : Optional.empty();
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
            if (strategies.current().balanceOnly()) {
                throw new DomainException(ErrorCode.NOT_USABLE, null, "Cards do not pay charging directly here: top up your balance, and the top-up pays the "
                        + rest + " you owe.");
            }
            if (customers.customerOf(profileId).isEmpty()) {
                throw new DomainException(ErrorCode.NOT_USABLE, null, "Save a card first: an outstanding balance of " + rest + " is paid by card.");
            }
            UUID id = UUID.randomUUID();
            CardPayment added = CardPayment.recorded(profileId, null, "BALANCE", rest, "balance-payment:" + id);
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

    /** The hold that paid for the session, under the pre-authorising strategy. */
    public Optional<CardPayment> ofHold(UUID sessionId) {
        return transactions.execute(status -> rows.holdOf(sessionId));
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
