package io.chargebase.domain.billing;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.billing.internal.LedgerRows;
import io.chargebase.domain.money.Money;

/**
 * The tenant's double-entry ledger. A posting is written whole or not at all, once per idempotency key: posting a key
 * again answers the transaction posted first and writes nothing, whatever the second posting holds. The database
 * checks at commit that each transaction balances per currency and refuses any update or delete.
 */
@Service
@Transactional
public class Ledger {

    private final LedgerRows rows;

    Ledger(LedgerRows rows) {
        this.rows = rows;
    }

    /** What a posting did: the transaction under its key, and whether this call posted it. */
    public record Posted(UUID transactionId, boolean posted) {
    }

    public Posted post(Posting posting) {
        posting.validated();
        Optional<UUID> inserted = rows.insertTransaction(UUID.randomUUID(), posting);
        if (inserted.isEmpty()) {
            return new Posted(rows.idOfKey(posting.idempotencyKey()).orElseThrow(), false);
        }
        rows.insertEntries(inserted.get(), posting.entries());
        return new Posted(inserted.get(), true);
    }

    /** The account's balance in the currency, the sum of its entries (positive: a debit balance). */
    @Transactional(readOnly = true)
    public Money balance(LedgerAccount account, UUID profileId, Currency currency) {
        if (account.perDriver() != (profileId != null)) {
            throw new IllegalArgumentException(account + (account.perDriver() ? " is kept per driver" : " is the tenant's, not a driver's"));
        }
        return new Money(rows.balance(account, profileId, currency), currency);
    }

    /** What the driver owes (positive) or has paid in advance (negative). */
    @Transactional(readOnly = true)
    public Money outstanding(UUID profileId, Currency currency) {
        return balance(LedgerAccount.DRIVER_RECEIVABLE, profileId, currency);
    }

    /** The sum of the account's entries in the transactions of the kind about one provider object (a charge, say). */
    Money totalFor(LedgerTransactionKind kind, String reference, LedgerAccount account, Currency currency) {
        return new Money(rows.totalFor(kind, reference, account, currency), currency);
    }

    /** Holds, until this transaction ends, any other posting that locks the same key. */
    void lock(String key) {
        rows.lock(key);
    }

    @Transactional(readOnly = true)
    public Optional<LedgerTransaction> find(UUID transactionId) {
        return rows.find(transactionId);
    }

    @Transactional(readOnly = true)
    public Optional<LedgerTransaction> findByKey(String idempotencyKey) {
        return rows.idOfKey(idempotencyKey).flatMap(rows::find);
    }

    @Transactional(readOnly = true)
    public List<LedgerTransaction> ofSession(UUID sessionId) {
        return rows.ofSession(sessionId);
    }
}
