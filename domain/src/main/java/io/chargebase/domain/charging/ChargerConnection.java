package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/** A charger's link to the platform, and what it said about itself at boot. */
public record ChargerConnection(UUID chargePointId, NetworkStatus networkStatus, boolean connected, Instant connectedAt,
        Instant disconnectedAt, Instant lastSeenAt, String protocol, String remoteAddress, ChargerEvents.RegistrationStatus registration,
        Instant bootedAt, ChargerEvents.BootInfo boot, String firmwareStatus, String diagnosticsStatus) {

    /** As the manual names them: heard from lately, silent past the first threshold, silent past the second. */
    public enum NetworkStatus { ONLINE, TEMPORARILY_UNAVAILABLE, LONG_TERM_UNAVAILABLE }
}
