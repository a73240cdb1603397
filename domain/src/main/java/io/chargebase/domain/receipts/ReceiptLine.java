package io.chargebase.domain.receipts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of a receipt: a session (its energy, times and VAT rate) or, on a credit note, the refund. Amounts are at the
 * currency's scale, {@code gross} what the ledger charged (or, negative, refunded) and {@code net + vat = gross}.
 */
public record ReceiptLine(int position, UUID sessionId, String description, Instant startedAt, Instant endedAt, BigDecimal energyKwh,
        BigDecimal vatPercent, BigDecimal net, BigDecimal vat, BigDecimal gross) {
}
