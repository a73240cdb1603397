package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.charging.internal.InactivityRows;
import io.chargebase.domain.charging.internal.SessionRows;

/**
 * The second stage of inactivity, the manual's "Finish after inactivity": a session marked suspected stale that is
 * still silent after the tenant's finish timeout is considered terminated and finished in the back end, from its last
 * reading (the newest energy register reading, at the time of the newest sample; the start when it sent none), and
 * rated as usual. The platform has not received a StopTransaction for it: when one comes after all, it corrects the
 * session (see {@link Transactions}), and the CDR gets a new MSP version instead of a second bill.
 */
@Component
class InactiveSessions {

    /** The stop reason of a session the platform finished; the charger's own reason replaces it if its StopTransaction comes. */
    static final String STOP_REASON = "FinishedAfterInactivity";

    private final SessionRows rows;
    private final InactivityRows inactivity;
    private final TransactionTemplate transactions;

    InactiveSessions(SessionRows rows, InactivityRows inactivity, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.inactivity = inactivity;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Finishes the session if it is still active and silent since before {@code silentSince}, in a transaction of its own
     * under its charger's lock (a StopTransaction racing it wins or sees it finished); answers whether it did.
     */
    boolean finish(UUID sessionId, Instant silentSince, Duration timeout, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<ChargingSession> found = rows.find(sessionId).filter(s -> s.status() == SessionStatus.ACTIVE && s.transactionId() != null);
            if (found.isEmpty()) {
                return false;
            }
            rows.lockCharger(found.get().chargePointId());
            if (!inactivity.silent(sessionId, silentSince)) {
                return false;
            }
            SessionRows.Metered metered = rows.metered(found.get().transactionId()).orElseThrow();
            ChargingSession session = metered.session();
            long start = session.meterStartWh() == null ? 0 : session.meterStartWh();
            BigDecimal last = metered.registerWh() != null ? metered.registerWh() : session.latestEnergyWh();
            long meterStop = last == null ? start : Math.max(start, last.longValue());
            Instant stoppedAt = session.latestSampleAt() == null || session.latestSampleAt().isBefore(session.startedAt())
                    ? session.startedAt() : session.latestSampleAt();
            String notRated = session.evseId() == null ? "Not rated: connector " + session.connectorId() + " is no EVSE of this charge point." : null;
            // no stop received: stop_received_at stays empty, which is how a late StopTransaction knows to correct it
            rows.stop(sessionId, SessionStatus.FINISHED, meterStop, stoppedAt, STOP_REASON, false, null, notRated, null);
            inactivity.finished(sessionId, "No start or meter value for over " + InactivityRows.minutes(timeout)
                    + " (finish after inactivity): considered terminated and finished from its last reading, " + meterStop + " Wh at "
                    + stoppedAt + ". A StopTransaction that comes later corrects it.", now);
            return true;
        }));
    }
}
