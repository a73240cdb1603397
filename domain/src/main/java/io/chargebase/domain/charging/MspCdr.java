package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.chargebase.domain.rating.Dimension;

/**
 * A CPO CDR rated with the tenant's tariff: a line per dimension, totals without and with VAT, the exact tariff
 * version used and why it was chosen. Lines and totals carry OCPI's 4 decimals; {@code payableTotal} is the total
 * including VAT at the currency's scale (0 decimals for JPY, 3 for BHD), rounded half-up once from full precision: what
 * billing charges ({@link PriceEstimate#payable()}). {@code supersededAt} is set when a later version re-rated the same CDR.
 */
public record MspCdr(UUID id, String cdrNumber, UUID cpoCdrId, int version, UUID profileId, UUID locationId, UUID tariffId,
        int tariffVersion, String selection, Currency currency, List<Line> lines, BigDecimal totalEnergyKwh, BigDecimal totalTimeHours,
        BigDecimal totalParkingHours, BigDecimal totalCostExclVat, BigDecimal totalCostInclVat, BigDecimal payableTotal, Instant start, Instant end,
        Instant ratedAt, String ratedBy, Instant supersededAt) {

    /**
     * Hashed by id alone, which keeps the record's equality (equal records have equal ids): pages of these are the
     * keys of data loaders and batch maps, and the record's own hash would read every field, parsing the lines.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    /** What one dimension cost: the quantity measured, the quantity billed after step sizes, and the cost. */
    public record Line(Dimension dimension, BigDecimal quantity, BigDecimal billedQuantity, BigDecimal costExclVat,
            BigDecimal costInclVat, boolean reservation) {
    }
}
