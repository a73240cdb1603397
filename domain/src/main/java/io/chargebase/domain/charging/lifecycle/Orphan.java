package io.chargebase.domain.charging.lifecycle;

import java.util.List;

import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.SessionStatus;

/**
 * A StopTransaction for a transaction this platform never started (a lost start, another central system), kept as an
 * incomplete record under the transaction id the charger reported; never rated. No transitions: the same stop again
 * finds it and records nothing more.
 */
public record Orphan(ChargingSession session, long version) implements SessionState {

    /**
     * The stop as an incomplete record; {@code startedAt} and {@code meterStartWh} what its transaction data shows of the
     * start (null when nothing).
     */
    public static Transition record(NewSession who, int reportedTransactionId, Long meterStartWh, java.time.Instant startedAt, StopFacts stop) {
        ChargingSession record = new ChargingSession(who.id(), null, reportedTransactionId, who.chargePointId(), null, null, who.idTag(),
                who.tokenId(), who.profileId(), SessionStatus.FINISHED, null, meterStartWh, stop.meterStopWh(), startedAt, stop.stoppedAt(),
                stop.reason(), null, null, null, null, true,
                "StopTransaction for transaction " + reportedTransactionId + ", which this platform never started", null, null,
                "Not rated: the start of the session is unknown.", who.createdAt(), null, stop.receivedAt());
        return new Transition(new Orphan(record, 0), new Transition.Insert(), List.of());
    }
}
