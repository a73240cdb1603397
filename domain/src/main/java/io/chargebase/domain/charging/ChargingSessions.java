package io.chargebase.domain.charging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.charging.internal.ChargerRows;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.domain.Page;

/** Reads of sessions, meter values, charger connection state, connector statuses and the communication log. */
@Service
@Transactional(readOnly = true)
public class ChargingSessions {

    public static final int MAX_METER_VALUES = 5000;

    private final SessionRows sessions;
    private final ChargerRows chargers;
    private final SessionRating rating;
    private final io.chargebase.domain.charging.internal.InactivityRows inactivity;

    ChargingSessions(SessionRows sessions, ChargerRows chargers, SessionRating rating, io.chargebase.domain.charging.internal.InactivityRows inactivity) {
        this.inactivity = inactivity;
        this.sessions = sessions;
        this.chargers = chargers;
        this.rating = rating;
    }

    public Page<ChargingSession> sessions(SessionQuery query, UUID afterId, int limit) {
        return sessions.page(query, afterId, limit);
    }

    /** A page of sessions; {@code counted}: whether its total is wanted (otherwise {@link Page#NOT_COUNTED}). */
    public Page<ChargingSession> sessions(SessionQuery query, UUID afterId, int limit, boolean counted) {
        return sessions.page(query, afterId, limit, counted);
    }

    /** The inactivity marks of those of the sessions that have one (see {@link ChargingSweeper}). */
    public List<SessionInactivity> inactivity(Collection<UUID> sessionIds) {
        return inactivity.of(sessionIds);
    }

    /** Of these sessions, those that ran on a DEMO charge point: rated for show, never billed. */
    public java.util.Set<UUID> demo(Collection<UUID> sessionIds) {
        return sessions.demo(sessionIds);
    }

    public Optional<ChargingSession> find(UUID id) {
        return sessions.find(id);
    }

    /** The tariff an operator chose when starting the session by hand, which prices it instead of the selection's. */
    public Optional<UUID> tariffOverride(UUID sessionId) {
        return sessions.tariffOverride(sessionId);
    }

    public Optional<ChargingSession> byTransaction(int transactionId) {
        return sessions.byTransaction(transactionId);
    }

    /** The session's samples in time order, at most {@link #MAX_METER_VALUES}. */
    public List<MeterValue> meterValues(UUID sessionId) {
        return sessions.meterValues(sessionId, MAX_METER_VALUES);
    }

    public Optional<ChargerConnection> connection(UUID chargePointId) {
        return chargers.connection(chargePointId);
    }

    public List<ChargerConnection> connections(Collection<UUID> chargePointIds) {
        return chargers.connections(chargePointIds);
    }

    public List<ConnectorState> connectorStates(Collection<UUID> chargePointIds) {
        return chargers.connectorStates(chargePointIds);
    }

    /** Newest first, {@code limit + 1} rows so the caller learns whether more follow. */
    public List<ConnectorState> statusHistory(UUID chargePointId, Long beforeId, int limit) {
        return chargers.history(chargePointId, beforeId, limit + 1);
    }

    /** Newest first, {@code limit + 1} rows so the caller learns whether more follow. */
    public List<LoggedFrame> communicationLog(UUID chargePointId, Long beforeId, int limit) {
        return chargers.log(chargePointId, beforeId, limit + 1);
    }

    /** Rates a finished session that could not be rated before (a tariff was missing); the MSP CDR, if it can be now. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Optional<UUID> rateAgain(UUID sessionId) {
        return rating.rate(sessionId);
    }
}
