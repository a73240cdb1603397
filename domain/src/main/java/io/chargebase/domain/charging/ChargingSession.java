package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A charging session as stored. {@code startedAt}/{@code stoppedAt} are the charger's clock; {@code incomplete} marks a
 * session whose data does not add up (a stop without start, a meter that ran backwards), with the reason; a finished
 * session that could not be rated keeps {@code ratingError} until a re-rating succeeds.
 */
public record ChargingSession(UUID id, Integer transactionId, Integer reportedTransactionId, UUID chargePointId, Integer connectorId,
        UUID evseId, String idTag, UUID tokenId, UUID profileId, SessionStatus status, ChargerEvents.AuthorizationStatus authorisation,
        Long meterStartWh, Long meterStopWh, Instant startedAt, Instant stoppedAt, String stopReason, BigDecimal latestEnergyWh,
        BigDecimal latestPowerW, BigDecimal latestSocPercent, Instant latestSampleAt, boolean incomplete, String incompleteReason,
        UUID cpoCdrId, UUID mspCdrId, String ratingError, Instant createdAt, Instant startReceivedAt, Instant stopReceivedAt) {

    /**
     * Hashed by id alone, which keeps the record's equality (equal records have equal ids): pages of these are the
     * keys of data loaders and batch maps, and the record's own hash would read every field.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    /** Energy charged so far (latest register reading) or in all (meter stop); 0 when the meter ran backwards. */
    public long energyWh() {
        if (meterStartWh == null) {
            return 0;
        }
        long end = meterStopWh != null ? meterStopWh : latestEnergyWh == null ? meterStartWh : latestEnergyWh.longValue();
        return Math.max(0, end - meterStartWh);
    }
}
