package io.chargebase.api.ocpp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFrameChars   the largest text frame a charger may send; a larger one closes its socket with 1009
 * @param pingInterval    how often an idle socket is pinged, so that NATs keep it open and dead peers are found
 * @param idleTimeout     a socket with no traffic at all (not even pongs) for this long is closed
 * @param instanceBeat    how often this instance says in the database that it is alive
 * @param instanceSilence an instance silent for this long is taken as dead: its chargers count as offline
 * @param relayGrace      what a command relayed to another instance may take beyond its own timeout
 * @param maxInFlight     how many charger messages that need the database (all but MeterValues, which are written by
 *                        group commit) this instance handles at once; keep it below the connection pool's size
 * @param admissionWait   how long a message waits for its turn before it is answered with a CALLERROR the charger
 *                        retries (a Heartbeat is answered at once instead, without the database)
 */
@ConfigurationProperties("chargebase.ocpp")
public record OcppProperties(
        @DefaultValue("65536") int maxFrameChars,
        @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("100s") Duration idleTimeout,
        @DefaultValue("10s") Duration instanceBeat,
        @DefaultValue("45s") Duration instanceSilence,
        @DefaultValue("3s") Duration relayGrace,
        @DefaultValue("8") int maxInFlight,
        @DefaultValue("5s") Duration admissionWait) {
}
