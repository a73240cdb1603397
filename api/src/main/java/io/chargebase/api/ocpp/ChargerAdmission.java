package io.chargebase.api.ocpp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.ocpp.rpc.CallErrorException;
import io.chargebase.ocpp.rpc.RpcErrorCode;

/**
 * Sheds charger messages under overload by design, instead of letting them queue for a database connection until
 * the pool's timeout fails them half a minute later. At most {@code chargebase.ocpp.max-in-flight} messages that need
 * the database are handled at once; a message that gets no turn within {@code admission-wait} is answered with a
 * CALLERROR InternalError at once, touching nothing, so the charger retries it later (OCPP 1.6 chargers retry
 * transaction messages that fail) and no session is left half-made: a StartTransaction either ran in full or not at
 * all. A Heartbeat that finds no free turn is answered with the time without the database. MeterValues pass: they are
 * written by group commit, whose bounded queue already pushes back. Calls are made one after another per charger,
 * never nested, so a turn is never waited for while one is held. The socket's own bookkeeping (connected,
 * disconnected, the communication log) passes too.
 */
@Component
class ChargerAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(ChargerAdmission.class);
    static final String OVERLOADED = "The central system is overloaded; try again in a moment";

    private final Semaphore turns;
    private final long waitNanos;
    private final OcppTelemetry telemetry;
    private final Clock clock;

    ChargerAdmission(OcppProperties properties, OcppTelemetry telemetry, Clock clock) {
        if (properties.maxInFlight() < 1) {
            throw new IllegalArgumentException("chargebase.ocpp.max-in-flight is at least 1, not " + properties.maxInFlight());
        }
        this.turns = new Semaphore(properties.maxInFlight());
        this.waitNanos = properties.admissionWait().toNanos();
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** {@code events} with its database work admitted one turn at a time. */
    ChargerEvents guard(ChargerEvents events) {
        return new Guarded(events);
    }

    /** The turns free now (for tests and the metrics page). */
    int free() {
        return turns.availablePermits();
    }

    private <T> T admitted(String action, Supplier<T> work) {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            telemetry.shed(action);
            LOG.warn("{} shed: no turn within the admission wait", action);
            throw new CallErrorException(RpcErrorCode.INTERNAL_ERROR, OVERLOADED);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private void admitted(String action, Runnable work) {
        admitted(action, () -> {
            work.run();
            return null;
        });
    }

    private final class Guarded implements ChargerEvents {

        private final ChargerEvents events;

        Guarded(ChargerEvents events) {
            this.events = events;
        }

        @Override
        public void connected(ChargerRef charger, String remoteAddress, String protocol) {
            events.connected(charger, remoteAddress, protocol);
        }

        @Override
        public void disconnected(ChargerRef charger) {
            events.disconnected(charger);
        }

        @Override
        public void frame(ChargerRef charger, FrameDirection direction, String action, String messageId, String text, Instant at) {
            events.frame(charger, direction, action, messageId, text, at);
        }

        @Override
        public Boot boot(ChargerRef charger, BootInfo info) {
            return admitted("BootNotification", () -> events.boot(charger, info));
        }

        @Override
        public Optional<RegistrationStatus> registration(ChargerRef charger) {
            // once per connection, before its first message other than a BootNotification
            return admitted("Registration", () -> events.registration(charger));
        }

        @Override
        public Instant heartbeat(ChargerRef charger) {
            if (!turns.tryAcquire()) {
                telemetry.shed("Heartbeat");
                return clock.instant();
            }
            try {
                return events.heartbeat(charger);
            } finally {
                turns.release();
            }
        }

        @Override
        public void status(ChargerRef charger, ConnectorStatus status) {
            admitted("StatusNotification", () -> events.status(charger, status));
        }

        @Override
        public IdTagInfo authorize(ChargerRef charger, String idTag) {
            return admitted("Authorize", () -> events.authorize(charger, idTag));
        }

        @Override
        public Started startTransaction(ChargerRef charger, TransactionStart start) {
            return admitted("StartTransaction", () -> events.startTransaction(charger, start));
        }

        @Override
        public void meterValues(ChargerRef charger, int connectorId, Integer transactionId, List<MeterSample> samples) {
            events.meterValues(charger, connectorId, transactionId, samples);
        }

        @Override
        public IdTagInfo stopTransaction(ChargerRef charger, TransactionStop stop) {
            return admitted("StopTransaction", () -> events.stopTransaction(charger, stop));
        }

        @Override
        public DataTransferAnswer dataTransfer(ChargerRef charger, String vendorId, String messageId, String data) {
            return admitted("DataTransfer", () -> events.dataTransfer(charger, vendorId, messageId, data));
        }

        @Override
        public void firmwareStatus(ChargerRef charger, String status) {
            admitted("FirmwareStatusNotification", () -> events.firmwareStatus(charger, status));
        }

        @Override
        public void diagnosticsStatus(ChargerRef charger, String status) {
            admitted("DiagnosticsStatusNotification", () -> events.diagnosticsStatus(charger, status));
        }
    }
}
