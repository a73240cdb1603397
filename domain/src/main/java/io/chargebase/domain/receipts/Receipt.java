package io.chargebase.domain.receipts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A receipt or credit note as issued, never changed: its number in its kind's series, the company and the driver as
 * they were then, the lines and totals without and with VAT (a credit note's are negative). {@code periodFrom} and
 * {@code periodUntil} (exclusive) are the month a monthly receipt covers, days of the tenant.
 */
public record Receipt(UUID id, ReceiptKind kind, long number, String numberText, UUID profileId, LocalDate periodFrom, LocalDate periodUntil,
        Instant issuedAt, Currency currency, BigDecimal net, BigDecimal vat, BigDecimal gross, CompanyDetails company, String driverName,
        String driverEmail, UUID refundTransactionId, UUID creditedReceiptId, List<ReceiptLine> lines) {

    /** The VAT of one rate: the lines at that rate summed. */
    public record VatLine(BigDecimal percent, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    /** The totals per VAT rate, lowest rate first; they add up to the receipt's totals. */
    public List<VatLine> vatBreakdown() {
        Map<BigDecimal, VatLine> byRate = new TreeMap<>();
        for (ReceiptLine line : lines) {
            BigDecimal rate = line.vatPercent().stripTrailingZeros();
            VatLine sum = byRate.getOrDefault(rate, new VatLine(rate, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            byRate.put(rate, new VatLine(rate, sum.net().add(line.net()), sum.vat().add(line.vat()), sum.gross().add(line.gross())));
        }
        return List.copyOf(byRate.values());
    }

    public Receipt withLines(List<ReceiptLine> lines) {
        return new Receipt(id, kind, number, numberText, profileId, periodFrom, periodUntil, issuedAt, currency, net, vat, gross, company,
                driverName, driverEmail, refundTransactionId, creditedReceiptId, List.copyOf(lines));
    }
}
