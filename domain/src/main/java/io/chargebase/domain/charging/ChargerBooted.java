package io.chargebase.domain.charging;

import java.time.Duration;

/**
 * A charger's BootNotification was recorded: with the outcome it was answered, and the configuration the tenant wants
 * its chargers to run with (the manual's "Charge point configuration defaults"), for the adapter to push where the
 * charger's own differs. Published within the boot's transaction; listeners act after it commits.
 */
public record ChargerBooted(ChargerRef charger, ChargerEvents.RegistrationStatus registration, Duration heartbeatInterval,
        Duration meterValueSampleInterval) {
}
