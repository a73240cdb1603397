package io.chargebase.domain.vat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A named VAT percentage valid from {@code validFrom} (inclusive) until {@code validUntil} (exclusive; open when null),
 * days in the tenant's time zone.
 */
public record VatRate(UUID id, String name, BigDecimal percent, LocalDate validFrom, LocalDate validUntil) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || day.isBefore(validUntil));
    }

    /** Whether the two periods share a day. */
    public boolean overlaps(LocalDate from, LocalDate until) {
        return (until == null || validFrom.isBefore(until)) && (validUntil == null || from.isBefore(validUntil));
    }
}
