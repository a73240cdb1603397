package io.chargebase.domain.operations;

import java.time.Instant;
import java.util.UUID;

/** One command in the actions log. {@code request} and {@code response} are the OCPP payloads as JSON text. */
public record ChargerCommand(UUID id, UUID chargePointId, String action, String request, String reason, String requestedBy,
        Instant requestedAt, Outcome outcome, String chargerStatus, String response, String error, Instant completedAt) {

    /** What became of a command: still waiting, answered (see {@code chargerStatus}), refused with a CALLERROR, no answer in time, charger not connected, not sent. */
    public enum Outcome { PENDING, ANSWERED, CALL_ERROR, TIMED_OUT, OFFLINE, FAILED }
}
