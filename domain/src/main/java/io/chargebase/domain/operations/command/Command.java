package io.chargebase.domain.operations.command;

import java.time.Instant;
import java.util.List;

import io.chargebase.domain.operations.LocalAuthList;

/**
 * What the platform asks of a charger, in the domain's words: the GraphQL layer and the platform's own rules build
 * these, a protocol mapping (today {@code io.chargebase.ocpp.v16.Commands16}) encodes each into its wire request and
 * decodes the charger's answer into {@code A}. Connector numbers are the charger's own (0 is the charge point);
 * a charging profile is carried as the operator wrote it, JSON, since the platform does not interpret it.
 *
 * @param <A> the typed answer the charger gives
 */
public sealed interface Command<A extends Answer> {

    /** Start charging for {@code idTag}; {@code connectorId} null lets the charger choose. */
    record RemoteStart(Integer connectorId, String idTag, String chargingProfileJson) implements Command<Answer.Acknowledged> {
    }

    /** Stop the charger's transaction (its own number for it, as the session keeps it). */
    record RemoteStop(int transactionId) implements Command<Answer.Acknowledged> {
    }

    record Reset(ResetType type) implements Command<Answer.Acknowledged> {
    }

    record UnlockConnector(int connectorId) implements Command<Answer.Acknowledged> {
    }

    record ChangeAvailability(int connectorId, Availability availability) implements Command<Answer.Acknowledged> {
    }

    record ChangeConfiguration(String key, String value) implements Command<Answer.Acknowledged> {
    }

    /** {@code keys} null asks for every key. */
    record GetConfiguration(List<String> keys) implements Command<Answer.Configuration> {

        public GetConfiguration {
            keys = keys == null ? null : List.copyOf(keys);
        }
    }

    record ClearCache() implements Command<Answer.Acknowledged> {
    }

    /** {@code connectorId} null: the message for the charge point as a whole. */
    record TriggerMessage(TriggerableMessage message, Integer connectorId) implements Command<Answer.Acknowledged> {
    }

    /** {@code parentIdTag} optional; {@code reservationId} the platform's number, which the charger repeats at start. */
    record ReserveNow(int connectorId, Instant expiry, String idTag, String parentIdTag, int reservationId)
            implements Command<Answer.Acknowledged> {
    }

    record CancelReservation(int reservationId) implements Command<Answer.Acknowledged> {
    }

    record SendLocalList(LocalAuthList list) implements Command<Answer.Acknowledged> {
    }

    record GetLocalListVersion() implements Command<Answer.LocalListVersion> {
    }

    record SetChargingProfile(int connectorId, String chargingProfileJson) implements Command<Answer.Acknowledged> {
    }

    /** Every filter optional: none clears every profile. */
    record ClearChargingProfile(Integer profileId, Integer connectorId, ChargingProfilePurpose purpose, Integer stackLevel)
            implements Command<Answer.Acknowledged> {
    }

    /** {@code unit} null lets the charger choose. */
    record GetCompositeSchedule(int connectorId, int durationSeconds, ChargingRateUnit unit) implements Command<Answer.Acknowledged> {
    }

    /** Upload diagnostics to {@code location}; retries and window optional. */
    record GetDiagnostics(String location, Integer retries, Integer retryIntervalSeconds, Instant startTime, Instant stopTime)
            implements Command<Answer.DiagnosticsFile> {
    }

    record UpdateFirmware(String location, Instant retrieveDate, Integer retries, Integer retryIntervalSeconds)
            implements Command<Answer.Received> {
    }

    /** Vendor-specific: {@code messageId} and {@code data} optional. */
    record DataTransfer(String vendorId, String messageId, String data) implements Command<Answer.DataTransferReply> {
    }

    enum ResetType { SOFT, HARD }

    enum Availability { OPERATIVE, INOPERATIVE }

    /** The messages a charger can be asked to send now. */
    enum TriggerableMessage { BOOT_NOTIFICATION, DIAGNOSTICS_STATUS_NOTIFICATION, FIRMWARE_STATUS_NOTIFICATION, HEARTBEAT, METER_VALUES,
        STATUS_NOTIFICATION }

    enum ChargingProfilePurpose { CHARGE_POINT_MAX_PROFILE, TX_DEFAULT_PROFILE, TX_PROFILE }

    /** Watts or amperes. */
    enum ChargingRateUnit { W, A }
}
