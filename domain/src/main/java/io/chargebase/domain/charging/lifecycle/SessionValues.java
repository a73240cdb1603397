package io.chargebase.domain.charging.lifecycle;

import java.time.Instant;

import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.SessionStatus;

/** The stored record of a session, as each kind of transition changes it: the one place that spells out its fields. */
final class SessionValues {

    private SessionValues() {
    }

    /** A session that waits for the car, from a swipe or a remote start. */
    static ChargingSession pending(NewSession s) {
        return new ChargingSession(s.id(), null, null, s.chargePointId(), s.connectorId(), s.evseId(), s.idTag(), s.tokenId(), s.profileId(),
                SessionStatus.PENDING, AuthorizationStatus.ACCEPTED, null, null, null, null, null, null, null, null, null, false, null, null, null,
                null, s.createdAt(), null, null);
    }

    /** A session the charger started without a pending one: accepted (ACTIVE) or refused (FAILED, {@code stopReason} why). */
    static ChargingSession started(NewSession s, StartFacts start, SessionStatus status, AuthorizationStatus answer, String stopReason) {
        return new ChargingSession(s.id(), start.transactionId(), null, s.chargePointId(), start.connectorId(), start.evseId(), s.idTag(),
                s.tokenId(), s.profileId(), status, answer, start.meterStartWh(), null, start.startedAt(), null, stopReason, null, null, null, null,
                false, null, null, null, null, s.createdAt(), start.receivedAt(), null);
    }

    /** A pending session the charger started. */
    static ChargingSession started(ChargingSession s, StartFacts start) {
        return new ChargingSession(s.id(), start.transactionId(), s.reportedTransactionId(), s.chargePointId(), start.connectorId(),
                start.evseId(), s.idTag(), s.tokenId(), s.profileId(), SessionStatus.ACTIVE, AuthorizationStatus.ACCEPTED, start.meterStartWh(),
                s.meterStopWh(), start.startedAt(), s.stoppedAt(), null, s.latestEnergyWh(), s.latestPowerW(), s.latestSocPercent(),
                s.latestSampleAt(), s.incomplete(), s.incompleteReason(), s.cpoCdrId(), s.mspCdrId(), s.ratingError(), s.createdAt(),
                start.receivedAt(), s.stopReceivedAt());
    }

    /**
     * A session stopped: the reason replaces the stored one when given, an incomplete mark is kept and its reason too
     * unless a new one is given, the rating error is set anew (null: rateable).
     */
    static ChargingSession stopped(ChargingSession s, SessionStatus status, long meterStopWh, Instant stoppedAt, String reason,
            boolean incomplete, String incompleteReason, String ratingError, Instant stopReceivedAt) {
        return new ChargingSession(s.id(), s.transactionId(), s.reportedTransactionId(), s.chargePointId(), s.connectorId(), s.evseId(),
                s.idTag(), s.tokenId(), s.profileId(), status, s.authorisation(), s.meterStartWh(), meterStopWh, s.startedAt(), stoppedAt,
                reason != null ? reason : s.stopReason(), s.latestEnergyWh(), s.latestPowerW(), s.latestSocPercent(), s.latestSampleAt(),
                s.incomplete() || incomplete, incompleteReason != null ? incompleteReason : s.incompleteReason(), s.cpoCdrId(), s.mspCdrId(),
                ratingError, s.createdAt(), s.startReceivedAt(), stopReceivedAt);
    }

    /** A pending session the car never came to: failed, with the reason, as of {@code now}. */
    static ChargingSession failedToStart(ChargingSession s, String reason, Instant now) {
        return new ChargingSession(s.id(), s.transactionId(), s.reportedTransactionId(), s.chargePointId(), s.connectorId(), s.evseId(),
                s.idTag(), s.tokenId(), s.profileId(), SessionStatus.FAILED, s.authorisation(), s.meterStartWh(), s.meterStopWh(), s.startedAt(),
                s.stoppedAt(), reason, s.latestEnergyWh(), s.latestPowerW(), s.latestSocPercent(), s.latestSampleAt(), s.incomplete(),
                s.incompleteReason(), s.cpoCdrId(), s.mspCdrId(), s.ratingError(), s.createdAt(), s.startReceivedAt(), now);
    }

    /** Why a session is not rated when its connector is no EVSE of the charge point; null when it is. */
    static String noEvse(ChargingSession s) {
        return s.evseId() == null ? "Not rated: connector " + s.connectorId() + " is no EVSE of this charge point." : null;
    }

    /**
     * The charger's stop of a session that charged (or the stop that corrects one the platform finished): a meter that
     * ran backwards marks it incomplete and unrated; a connector that is no EVSE leaves it unrated.
     */
    static ChargingSession chargerStopped(ChargingSession s, StopFacts stop) {
        boolean backwards = stop.meterStopWh() < s.meterStartWh();
        String notRated = backwards ? "Not rated: the meter stopped below its start." : noEvse(s);
        return stopped(s, SessionStatus.FINISHED, stop.meterStopWh(), stop.stoppedAt(), stop.reason(), backwards,
                backwards ? backwardsReason(s, stop) : null, notRated, stop.receivedAt());
    }

    static String backwardsReason(ChargingSession s, StopFacts stop) {
        return "meterStop " + stop.meterStopWh() + " Wh lies below meterStart " + s.meterStartWh() + " Wh";
    }
}
