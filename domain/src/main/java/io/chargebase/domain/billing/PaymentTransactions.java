package io.chargebase.domain.billing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.PaymentTransactionRows;
import io.chargebase.domain.money.Money;

/**
 * The manual's Payment Transactions: the ledger's payments, refunds, disputes and platform fees, newest first, each
 * with the amount it moved (its debit). Read under row-level security, so an OU admin sees those of the profiles in
 * their subtree (a refund or dispute names the payment's profile when the payment is known; one that names no
 * profile is the tenant's staff's only).
 */
@Service
@Transactional(readOnly = true)
public class PaymentTransactions {

    /** The kinds that are payment transactions (a rated session is not). */
    public static final Set<LedgerTransactionKind> KINDS = Set.of(LedgerTransactionKind.PAYMENT, LedgerTransactionKind.REFUND,
            LedgerTransactionKind.DISPUTE, LedgerTransactionKind.APPLICATION_FEE);

    /** One payment transaction: what moved, for whom, about which provider object. */
    public record PaymentTransaction(UUID id, LedgerTransactionKind kind, Money amount, UUID profileId, UUID sessionId, String reference,
            String description, Instant occurredAt, Instant postedAt) {
    }

    /** Which transactions to list; nulls match all. {@code to} is exclusive. */
    public record Filter(UUID profileId, UUID sessionId, Set<LedgerTransactionKind> kinds, Instant from, Instant to) {
    }

    private final PaymentTransactionRows rows;

    PaymentTransactions(PaymentTransactionRows rows) {
        this.rows = rows;
    }

    /** Up to {@code limit} transactions after the position {@code after} (from an earlier page's last one), newest first. */
    public List<PaymentTransaction> list(Filter filter, String after, int limit) {
        if (filter.kinds() != null && !KINDS.containsAll(filter.kinds())) {
            throw new DomainException(ErrorCode.INVALID, "kinds", "Payment transactions are payments, refunds, disputes and platform fees.");
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new DomainException(ErrorCode.INVALID, "to", "The period ends after it starts.");
        }
        return rows.list(filter, after, limit);
    }

    /** The position of a transaction in the list, for the next page's {@code after}. */
    public static String positionOf(PaymentTransaction transaction) {
        return transaction.postedAt().toEpochMilli() * 1000 + "|" + transaction.id();
    }
}
