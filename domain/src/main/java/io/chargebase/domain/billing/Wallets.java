package io.chargebase.domain.billing;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.WalletRows;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Drivers' prepaid wallets. A wallet is the ledger account {@link LedgerAccount#DRIVER_WALLET} of the driver's
 * profile, in the tenant's currency; its balance is the sum of its entries (a credit balance, shown positive), never a
 * stored number. Vouchers, operator top-ups and bought top-ups credit it ({@link Vouchers}); {@link #pay} debits it.
 * Debits of one wallet are serialised by a per-driver lock held to the end of the transaction, and each checks the
 * balance after taking it, so two debits at once can never overdraw the wallet: the second sees the first's entry.
 */
@Service
@Transactional
public class Wallets {

    /** One movement of a wallet: what it added (positive) or took (negative), and the balance right after it. */
    public record WalletEntry(UUID transactionId, LedgerTransactionKind kind, Money amount, Money balanceAfter, UUID sessionId,
            String description, java.time.Instant occurredAt, java.time.Instant postedAt) {
    }

    private final Ledger ledger;
    private final WalletRows rows;
    private final Tenants tenants;
    private final Clock clock;

    Wallets(Ledger ledger, WalletRows rows, Tenants tenants, Clock clock) {
        this.ledger = ledger;
        this.rows = rows;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** What the driver may spend, in the tenant's currency; zero for a wallet never credited. */
    @Transactional(readOnly = true)
    public Money balance(UUID profileId) {
        return spendable(profileId, currency());
    }

    /** The wallet's movements, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<WalletEntry> history(UUID profileId, int limit) {
        return rows.history(profileId, currency(), limit);
    }

    /**
     * Pays {@code amount} of what the driver owes from their wallet, once per {@code idempotencyKey}: the wallet is
     * debited and the receivable credited. Refused, and nothing posted, when the wallet holds less than the amount
     * (a second call with a key posted before answers that posting, whatever the balance is now).
     */
    public Ledger.Posted pay(UUID profileId, Money amount, String idempotencyKey, UUID sessionId, String description) {
        Money asked = Amounts.checked("amount", amount.amount(), amount.currency().getCurrencyCode(), currency());
        ledger.lock(lockKey(profileId));
        var earlier = ledger.findByKey(idempotencyKey);
        if (earlier.isPresent()) {
            return new Ledger.Posted(earlier.get().id(), false);
        }
        Money held = spendable(profileId, asked.currency());
        if (held.compareTo(asked) < 0) {
            throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE, "amount", "The wallet holds " + held + ", less than the " + asked + " asked.");
        }
        return ledger.post(Posting.of(idempotencyKey, LedgerTransactionKind.WALLET_PAYMENT, profileId, sessionId, null, description,
                        clock.instant())
                .debit(LedgerAccount.DRIVER_WALLET, asked).credit(LedgerAccount.DRIVER_RECEIVABLE, asked));
    }

    /**
     * Pays what the wallet holds of {@code wanted} (all of it, part of it, or nothing from an empty wallet) towards what
     * the driver owes, under the driver's lock: the wallet never goes below zero, however many sessions end at once.
     * Answers what it paid; once per {@code idempotencyKey} (a second call pays nothing more).
     */
    public Money payUpTo(UUID profileId, Money wanted, String idempotencyKey, UUID sessionId, String description) {
        Money asked = Amounts.checked("amount", wanted.amount(), wanted.currency().getCurrencyCode(), currency());
        ledger.lock(lockKey(profileId));
        if (ledger.findByKey(idempotencyKey).isPresent()) {
            return Money.zero(asked.currency());
        }
        Money held = spendable(profileId, asked.currency());
        Money paid = held.compareTo(asked) < 0 ? held : asked;
        if (paid.amount().signum() <= 0) {
            return Money.zero(asked.currency());
        }
        ledger.post(Posting.of(idempotencyKey, LedgerTransactionKind.WALLET_PAYMENT, profileId, sessionId, null, description, clock.instant())
                .debit(LedgerAccount.DRIVER_WALLET, paid).credit(LedgerAccount.DRIVER_RECEIVABLE, paid));
        return paid;
    }

    /** Posts a credit of the driver's wallet (its other legs are the caller's); credits need no lock, they never overdraw. */
    Ledger.Posted credit(Posting posting) {
        return ledger.post(posting);
    }

    Currency currency() {
        return tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
    }

    private Money spendable(UUID profileId, Currency currency) {
        Money sum = ledger.balance(LedgerAccount.DRIVER_WALLET, profileId, currency);
        return new Money(sum.amount().negate(), currency).rounded();
    }

    private static String lockKey(UUID profileId) {
        return "wallet:" + profileId;
    }
}
