package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What chargers tell the platform, in the domain's words (the OCPP adapter maps each protocol version onto this).
 * Every method runs for the charger's tenant and is idempotent where a charger may repeat itself: a replayed
 * StartTransaction gets the same transaction id, a replayed StopTransaction changes nothing, meter values already
 * stored are not stored twice.
 */
public interface ChargerEvents {

    /** The socket opened (after authentication); {@code remoteAddress} for the communication log. */
    void connected(ChargerRef charger, String remoteAddress, String protocol);

    /** The socket closed; the charger's status turns temporarily, then long-term unavailable after the tenant's thresholds. */
    void disconnected(ChargerRef charger);

    /**
     * Every frame that crossed the socket, both ways, for the charge point's communication log. Called often (every
     * message): implementations must not slow the charger down, e.g. write in batches.
     */
    void frame(ChargerRef charger, FrameDirection direction, String action, String messageId, String text, Instant at);

    Boot boot(ChargerRef charger, BootInfo info);

    /**
     * The outcome of the charger's last BootNotification, on whichever connection it came; empty when it never booted
     * here. A charger that reconnects without rebooting carries on with the registration it had.
     */
    java.util.Optional<RegistrationStatus> registration(ChargerRef charger);

    /** Any message from the charger shows it is alive; heartbeats say only that. */
    Instant heartbeat(ChargerRef charger);

    void status(ChargerRef charger, ConnectorStatus status);

    IdTagInfo authorize(ChargerRef charger, String idTag);

    Started startTransaction(ChargerRef charger, TransactionStart start);

    void meterValues(ChargerRef charger, int connectorId, Integer transactionId, List<MeterSample> samples);

    IdTagInfo stopTransaction(ChargerRef charger, TransactionStop stop);

    DataTransferAnswer dataTransfer(ChargerRef charger, String vendorId, String messageId, String data);

    void firmwareStatus(ChargerRef charger, String status);

    void diagnosticsStatus(ChargerRef charger, String status);

    enum FrameDirection { IN, OUT }

    /** BootNotification's fields, as reported. */
    record BootInfo(String vendor, String model, String serialNumber, String chargeBoxSerialNumber, String firmwareVersion, String iccid,
            String imsi, String meterType, String meterSerialNumber) {
    }

    enum RegistrationStatus { ACCEPTED, PENDING, REJECTED }

    record Boot(RegistrationStatus status, Instant currentTime, Duration interval) {
    }

    /**
     * What a charger says of one connector; connectorId 0 is the charge point itself. The platform acts on {@code state};
     * {@code status} and {@code errorCode} are kept as the charger worded them (the operator reads them in the status
     * history), never interpreted.
     */
    record ConnectorStatus(int connectorId, ConnectorUse state, String status, String errorCode, String info, Instant timestamp,
            String vendorId, String vendorErrorCode) {
    }

    /**
     * A connector's state in the domain's words. PREPARING to FINISHING are the stages of a session at the connector as
     * a charger that reports them (OCPP 1.6) names them; OCCUPIED is in use without saying which stage (OCPP 2.0.1's
     * connector status, whose stages come with TransactionEvent instead).
     */
    enum ConnectorUse { AVAILABLE, PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, OCCUPIED, RESERVED, UNAVAILABLE, FAULTED,
        UNKNOWN }

    enum AuthorizationStatus { ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX }

    record IdTagInfo(AuthorizationStatus status, Instant expiryDate, String parentIdTag) {
    }

    record TransactionStart(int connectorId, String idTag, long meterStartWh, Instant timestamp, Integer reservationId) {
    }

    record Started(int transactionId, IdTagInfo idTagInfo) {
    }

    /** {@code reason} null when the charger gave none. */
    record TransactionStop(int transactionId, String idTag, long meterStopWh, Instant timestamp, StopReason reason,
            List<MeterSample> transactionData) {

        /** The reason's stored name, or null. */
        public String reasonCode() {
            return reason == null ? null : reason.code();
        }
    }

    /**
     * One sampled value: what it measures (null: the imported energy register), phase, unit (Wh, kWh, W, kW, A, V,
     * Percent, ...), and context and location as the charger worded them (kept with the value, not interpreted; a
     * location "EV" marks a value the car measured).
     */
    record MeterSample(Instant timestamp, Measurand measurand, String phase, String unit, BigDecimal value, String context, String location) {
    }

    enum DataTransferStatus { ACCEPTED, REJECTED, UNKNOWN_MESSAGE_ID, UNKNOWN_VENDOR_ID }

    record DataTransferAnswer(DataTransferStatus status, String data) {
    }
}
