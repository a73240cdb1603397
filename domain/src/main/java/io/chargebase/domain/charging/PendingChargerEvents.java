package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A pending charger's side of the port: its boots are answered Pending (Rejected once it was registered or dismissed
 * meanwhile) and its heartbeats mark it seen. The OCPP adapter answers every other call with a SecurityError before
 * it gets here (its registration is Pending), so those are refused here too rather than half done.
 */
final class PendingChargerEvents implements ChargerEvents {

    private final PendingChargePoints pending;

    PendingChargerEvents(PendingChargePoints pending) {
        this.pending = pending;
    }

    @Override
    public void connected(ChargerRef charger, String remoteAddress, String protocol) {
        // recorded when the handshake admitted it
    }

    @Override
    public void disconnected(ChargerRef charger) {
    }

    @Override
    public void frame(ChargerRef charger, FrameDirection direction, String action, String messageId, String text, Instant at) {
        // the communication log belongs to charge points; a pending charger has none yet
    }

    @Override
    public Boot boot(ChargerRef charger, BootInfo info) {
        return pending.boot(charger.chargePointId(), info);
    }

    @Override
    public Optional<RegistrationStatus> registration(ChargerRef charger) {
        return Optional.of(RegistrationStatus.PENDING);
    }

    @Override
    public Instant heartbeat(ChargerRef charger) {
        return pending.seen(charger.chargePointId());
    }

    @Override
    public void status(ChargerRef charger, ConnectorStatus status) {
        throw notRegistered();
    }

    @Override
    public IdTagInfo authorize(ChargerRef charger, String idTag) {
        throw notRegistered();
    }

    @Override
    public Started startTransaction(ChargerRef charger, TransactionStart start) {
        throw notRegistered();
    }

    @Override
    public void meterValues(ChargerRef charger, int connectorId, Integer transactionId, List<MeterSample> samples) {
        throw notRegistered();
    }

    @Override
    public IdTagInfo stopTransaction(ChargerRef charger, TransactionStop stop) {
        throw notRegistered();
    }

    @Override
    public DataTransferAnswer dataTransfer(ChargerRef charger, String vendorId, String messageId, String data) {
        throw notRegistered();
    }

    @Override
    public void firmwareStatus(ChargerRef charger, String status) {
        throw notRegistered();
    }

    @Override
    public void diagnosticsStatus(ChargerRef charger, String status) {
        throw notRegistered();
    }

    private static IllegalStateException notRegistered() {
        return new IllegalStateException("A pending charger may only boot and send heartbeats");
    }
}
