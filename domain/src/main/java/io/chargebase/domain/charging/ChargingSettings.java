package io.chargebase.domain.charging;

import java.time.Duration;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * A tenant's charging settings: the heartbeat interval chargers are told at boot; after how long without a message a
 * charger is temporarily, then long-term unavailable; how long a session may wait for the car before it fails
 * (fail-start); how long an active session may go without any message before it is marked suspected stale
 * (inactivity), and before it is finished from its last reading (the manual's "Finish after inactivity"); whether a
 * charger whose identity is not registered is refused or accepted as pending; and how often chargers sample meter
 * values during a session (pushed to them at boot with the heartbeat interval, the manual's "Charge point
 * configuration defaults").
 */
public record ChargingSettings(Duration heartbeatInterval, Duration temporarilyUnavailableAfter, Duration longTermUnavailableAfter,
        Duration failStartTimeout, Duration inactivityTimeout, UnknownChargePoints unknownChargePoints, Duration finishAfterInactivity,
        Duration meterValueSampleInterval) {

    public enum UnknownChargePoints { REFUSE, ACCEPT_AS_PENDING }

    /**
     * The platform defaults, as the manual gives them (heartbeat 300 s, meter values every 60 s, finish after 120 min of
     * inactivity); the suspected-stale mark, which the manual does not know, comes first, after 30 min.
     */
    public static final ChargingSettings DEFAULTS = new ChargingSettings(Duration.ofSeconds(300), Duration.ofSeconds(120),
            Duration.ofSeconds(300), Duration.ofSeconds(60), Duration.ofMinutes(30), UnknownChargePoints.REFUSE, Duration.ofMinutes(120),
            Duration.ofSeconds(60));

    /** The same settings, or a failure naming the first that is out of range. */
    public ChargingSettings validated() {
        within("heartbeatInterval", heartbeatInterval, 10, 86_400);
        // last-seen is recorded at most every 10 s for a busy charger (ChargingStations.HeardFrom): thresholds start at 30 s
        within("temporarilyUnavailableAfter", temporarilyUnavailableAfter, 30, 86_400);
        within("longTermUnavailableAfter", longTermUnavailableAfter, 30, 604_800);
        within("failStartTimeout", failStartTimeout, 10, 86_400);
        within("inactivityTimeout", inactivityTimeout, 60, 604_800);
        within("finishAfterInactivity", finishAfterInactivity, 60, 604_800);
        within("meterValueSampleInterval", meterValueSampleInterval, 5, 3_600);
        if (unknownChargePoints == null) {
            throw new DomainException(ErrorCode.REQUIRED, "unknownChargePoints", "Say whether unknown charge points are refused or pending.");
        }
        if (longTermUnavailableAfter.compareTo(temporarilyUnavailableAfter) <= 0) {
            throw new DomainException(ErrorCode.INVALID, "longTermUnavailableAfter", "Long-term unavailability follows temporary unavailability.");
        }
        if (finishAfterInactivity.compareTo(inactivityTimeout) < 0) {
            throw new DomainException(ErrorCode.INVALID, "finishAfterInactivity",
                    "A silent session is marked suspected stale first (inactivity timeout), then finished: finishing cannot come earlier.");
        }
        return this;
    }

    private static void within(String field, Duration value, long minSeconds, long maxSeconds) {
        if (value == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "A duration is required.");
        }
        if (value.toSeconds() < minSeconds || value.toSeconds() > maxSeconds || value.toMillis() % 1000 != 0) {
            throw new DomainException(ErrorCode.INVALID, field, "Whole seconds from " + minSeconds + " to " + maxSeconds + ".");
        }
    }
}
