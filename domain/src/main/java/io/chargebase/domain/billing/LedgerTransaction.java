package io.chargebase.domain.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A posted ledger transaction with its entries (debits positive, credits negative), as it was posted. */
public record LedgerTransaction(UUID id, String idempotencyKey, LedgerTransactionKind kind, UUID profileId, UUID sessionId,
        String reference, String description, Instant occurredAt, Instant postedAt, List<Posting.Entry> entries) {
}
