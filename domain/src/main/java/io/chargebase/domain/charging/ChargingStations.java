package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.internal.ChargerRows;
import io.chargebase.domain.charging.internal.SessionRows;

/**
 * The platform's side of every charger: what the OCPP adapter reports lands here, under the charger's tenant scope.
 * Every message marks the charger as heard from (a busy one at most every few seconds, see {@link HeardFrom}).
 * Sessions are the {@link SessionLifecycle}'s business, MeterValues {@link MeterValueWriter}'s (group commit); the
 * communication log is written in the background by {@link CommunicationLog}.
 *
 * <p>A BootNotification in the middle of a session leaves the session active: an OCPP 1.6 charger keeps its
 * transactions across a reboot and replays their StopTransaction, which then finishes the session as usual.
 */
@Service
public class ChargingStations implements ChargerEvents {

    private final ChargerRows chargers;
    private final SessionRows sessions;
    private final SessionLifecycle lifecycle;
    private final TenantChargingSettings settings;
    private final CommunicationLog log;
    private final ChargePoints chargePoints;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LiveSessions live;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final HeardFrom heardFrom;
    private final MeterValueWriter meterValues;

    ChargingStations(ChargerRows chargers, SessionRows sessions, SessionLifecycle lifecycle, TenantChargingSettings settings, CommunicationLog log,
            ChargePoints chargePoints, PlatformTransactionManager transactionManager, Clock clock, LiveSessions live,
            org.springframework.context.ApplicationEventPublisher events, HeardFrom heardFrom, MeterValueWriter meterValues) {
        this.heardFrom = heardFrom;
        this.meterValues = meterValues;
        this.live = live;
        this.events = events;
        this.chargers = chargers;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.log = log;
        this.chargePoints = chargePoints;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void connected(ChargerRef charger, String remoteAddress, String protocol) {
        tx.executeWithoutResult(status -> {
            chargers.connected(charger.chargePointId(), remoteAddress, protocol, clock.instant());
            heardFrom.written(charger.chargePointId(), clock.instant());
            events.publishEvent(new LiveUpdate.Connection(charger.tenantId(), charger.chargePointId(), "ONLINE", clock.instant()));
        });
    }

    @Override
    public void disconnected(ChargerRef charger) {
        heardFrom.forget(charger.chargePointId());
        tx.executeWithoutResult(status -> chargers.disconnected(charger.chargePointId(), clock.instant()));
    }

    @Override
    public void frame(ChargerRef charger, FrameDirection direction, String action, String messageId, String text, Instant at) {
        log.append(charger, direction, action, messageId, text, at == null ? clock.instant() : at);
    }

    @Override
    public Boot boot(ChargerRef charger, BootInfo info) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            ChargingSettings current = settings.current();
            // sessions are left as they are: the charger replays the StopTransaction of what ran before the reboot. Every
            // operator status is accepted, DISABLED too: a rejected charger may send nothing else, so staff could neither
            // monitor nor command it; whether it may charge is decided at Authorize and start
            RegistrationStatus registration = chargers.chargePointStatus(charger.chargePointId())
                    .map(cp -> RegistrationStatus.ACCEPTED).orElse(RegistrationStatus.REJECTED);
            chargers.booted(charger.chargePointId(), info, registration, now);
            events.publishEvent(new ChargerBooted(charger, registration, current.heartbeatInterval(), current.meterValueSampleInterval()));
            return new Boot(registration, now, current.heartbeatInterval());
        });
    }

    @Override
    public java.util.Optional<RegistrationStatus> registration(ChargerRef charger) {
        return tx.execute(status -> chargers.connection(charger.chargePointId()).map(ChargerConnection::registration));
    }

    @Override
    public Instant heartbeat(ChargerRef charger) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            chargers.seen(charger.chargePointId(), now);
            heardFrom.written(charger.chargePointId(), now);
        });
        return now;
    }

    /** For messages other than Heartbeat: recorded as heard from, in a transaction of its own, unless recorded moments ago. */
    private void heard(ChargerRef charger) {
        Instant now = clock.instant();
        if (heardFrom.due(charger.chargePointId(), now)) {
            tx.executeWithoutResult(status -> seen(charger, now));
        }
    }

    /** Records that the charger was heard from, unless this instance recorded it moments ago. */
    private void seen(ChargerRef charger, Instant now) {
        if (heardFrom.due(charger.chargePointId(), now)) {
            chargers.seen(charger.chargePointId(), now);
            heardFrom.written(charger.chargePointId(), now);
        }
    }

    @Override
    public void status(ChargerRef charger, ConnectorStatus status) {
        tx.executeWithoutResult(t -> {
            Instant now = clock.instant();
            seen(charger, now);
            Instant at = status.timestamp() == null ? now : status.timestamp();
            boolean latest = chargers.connectorState(charger.chargePointId(), status.connectorId())
                    .map(previous -> !previous.statusAt().isAfter(at)).orElse(true);
            chargers.status(charger.chargePointId(), status, at, now);
            if (latest) {
                events.publishEvent(new LiveUpdate.ConnectorStatus(charger.tenantId(), charger.chargePointId(), status.connectorId(), status.status(),
                        status.errorCode(), at));
            }
            if (status.connectorId() > 0 && latest) {
                // an EVSE the operator holds out of use (planned, removed, out of order, disabled) keeps that status
                sessions.evseAt(charger.chargePointId(), status.connectorId())
                        .ifPresent(evse -> chargePoints.reportEvseStatus(evse, evseStatus(status.state())));
            }
        });
    }

    @Override
    public IdTagInfo authorize(ChargerRef charger, String idTag) {
        heard(charger);
        return lifecycle.authorize(charger, idTag);
    }

    @Override
    public Started startTransaction(ChargerRef charger, TransactionStart start) {
        heard(charger);
        Started started = lifecycle.start(charger, start);
        live.progress(charger, started.transactionId());
        return started;
    }

    @Override
    public void meterValues(ChargerRef charger, int connectorId, Integer transactionId, List<MeterSample> samples) {
        // the busiest message: written together with those of other chargers (group commit), answered once stored
        meterValues.write(charger, connectorId, transactionId, samples);
    }

    @Override
    public IdTagInfo stopTransaction(ChargerRef charger, TransactionStop stop) {
        heard(charger);
        IdTagInfo answer = lifecycle.stop(charger, stop);
        live.progress(charger, stop.transactionId());
        return answer;
    }

    @Override
    public DataTransferAnswer dataTransfer(ChargerRef charger, String vendorId, String messageId, String data) {
        heard(charger);
        return new DataTransferAnswer(DataTransferStatus.UNKNOWN_VENDOR_ID, null);
    }

    @Override
    public void firmwareStatus(ChargerRef charger, String status) {
        heard(charger);
        tx.executeWithoutResult(t -> chargers.firmwareStatus(charger.chargePointId(), status));
    }

    @Override
    public void diagnosticsStatus(ChargerRef charger, String status) {
        heard(charger);
        tx.executeWithoutResult(t -> chargers.diagnosticsStatus(charger.chargePointId(), status));
    }

    /**
     * Before a remote start is sent, for the whole tenant: refuses it with a {@link io.chargebase.domain.DomainException}
     * when the charge point or the connector's EVSE cannot be used, or the token's owner may not charge.
     */
    public void requireRemoteStart(UUID chargePointId, Integer connectorId, String idTag) {
        lifecycle.requireRemoteStart(chargePointId, connectorId, idTag);
    }

    /** The session's progress as it stands now, as a live update would show it (the session read by the caller). */
    public LiveUpdate.SessionProgress currentProgress(io.chargebase.tenancy.TenantId tenantId, ChargingSession session) {
        return live.current(tenantId, session);
    }

    /** For a remote start the charger accepted: a pending session that fails unless the car is plugged in in time. */
    public UUID expectStart(ChargerRef charger, Integer connectorId, String idTag) {
        return lifecycle.expectStart(charger, connectorId, idTag, null);
    }

    /** The same, for a session an operator started for a driver with a tariff of their choice (null: the selection's). */
    public UUID expectStart(ChargerRef charger, Integer connectorId, String idTag, UUID tariffOverride) {
        return lifecycle.expectStart(charger, connectorId, idTag, tariffOverride);
    }

    /** Connector states as drivers see EVSEs (OCPI): in use while anything between plug-in and plug-out goes on. */
    static AssetTypes.EvseStatus evseStatus(ChargerEvents.ConnectorUse state) {
        return switch (state == null ? ChargerEvents.ConnectorUse.UNKNOWN : state) {
            case AVAILABLE -> AssetTypes.EvseStatus.AVAILABLE;
            case PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, OCCUPIED -> AssetTypes.EvseStatus.CHARGING;
            case RESERVED -> AssetTypes.EvseStatus.RESERVED;
            case UNAVAILABLE -> AssetTypes.EvseStatus.INOPERATIVE;
            case FAULTED -> AssetTypes.EvseStatus.OUTOFORDER;
            case UNKNOWN -> AssetTypes.EvseStatus.UNKNOWN;
        };
    }
}
