package io.chargebase.domain.charging.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * What a transition asks the rest of the platform to do. {@link Began}, {@link InactivityFinished} and
 * {@link InactivityCorrected} belong to the same transaction as the transition; {@link Rate} and {@link Rerate} come
 * after its commit (rating reads the stored session in a transaction of its own).
 */
public sealed interface SessionEvent {

    UUID sessionId();

    /** The charger began charging: a reservation it used is spent; a DEMO charge point's session is marked demo. */
    record Began(UUID sessionId, UUID chargePointId, Integer reservationId, String idTag, Instant at) implements SessionEvent {
    }

    /** The session ended and can be rated. */
    record Rate(UUID sessionId) implements SessionEvent {
    }

    /** A session the platform had finished and rated was corrected by the charger's stop: a new MSP CDR version. */
    record Rerate(UUID sessionId) implements SessionEvent {
    }

    /** The platform finished the session, silent for over {@code timeout}, from its last reading; its inactivity mark says so. */
    record InactivityFinished(UUID sessionId, java.time.Duration timeout, long meterStopWh, Instant stoppedAt) implements SessionEvent {
    }

    /** The charger's late stop corrected a session the platform had finished. */
    record InactivityCorrected(UUID sessionId) implements SessionEvent {
    }
}
