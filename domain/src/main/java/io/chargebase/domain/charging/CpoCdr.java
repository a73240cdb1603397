package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.tariffs.Customer;

/** A CDR as the CPO produced it, with the customer resolved when it was recorded. */
public record CpoCdr(UUID id, String cdrNumber, UUID locationId, UUID evseId, String tokenUid, UUID tokenId, UUID profileId,
        Customer.Kind customer, String roamingParty, Instant start, Instant end, ZoneId timeZone, List<ChargingPeriod> periods,
        BigDecimal totalEnergyKwh, BigDecimal totalTimeHours, BigDecimal totalParkingHours, Currency currency, Price cpoCost,
        UUID sessionId, String recordedBy, Instant createdAt) {

    /**
     * Hashed by id alone, which keeps the record's equality (equal records have equal ids): pages of these are the
     * keys of data loaders and batch maps, and the record's own hash would read every field, parsing the charging periods.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }
}
