package io.chargebase.domain.charging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.TariffBoundaries;
import io.chargebase.tenancy.TenantContext;

/**
 * Turns a finished session into a CPO CDR, rated at once into an MSP CDR, in a transaction of its own: when rating
 * fails (no tariff applies, the charger's clock is off), the session stays finished with the reason in
 * {@code ratingError}, and {@link #rate} can be asked again later. Once rated, {@link SessionRated} goes to billing,
 * unless the session ran on a DEMO charge point: it is priced as usual (the demo shows what a session costs) and
 * marked demo, and billing never hears of it.
 */
@Component
class SessionRating {

    static final String RATED_BY = "ocpp";

    private static final Logger LOG = LoggerFactory.getLogger(SessionRating.class);

    private final SessionRows rows;
    private final Cdrs cdrs;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    SessionRating(SessionRows rows, Cdrs cdrs, PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.rows = rows;
        this.cdrs = cdrs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** The MSP CDR of the session, rated now unless it was already; empty when it cannot be rated (the reason is stored). */
    Optional<UUID> rate(UUID sessionId) {
        record Outcome(UUID mspCdrId, boolean rated, boolean demo) {
        }
        try {
            Outcome outcome = transactions.execute(status -> {
                ChargingSession session = rows.find(sessionId).orElse(null);
                if (session == null || session.mspCdrId() != null || session.status() != SessionStatus.FINISHED || session.incomplete()
                        || session.evseId() == null) {
                    return new Outcome(session == null ? null : session.mspCdrId(), false, false);
                }
                List<ChargingPeriods.Reading> readings = rows.registerReadings(sessionId);
                MspCdr rated = cdrs.recordOwn(cdrOf(session), (boundaries, zone) -> periodsOf(session, readings, boundaries, zone), RATED_BY,
                        rows.tariffOverride(sessionId).orElse(null));
                rows.rated(sessionId, rated.cpoCdrId(), rated.id());
                return new Outcome(rated.id(), true, rows.isDemo(sessionId));
            });
            // the billing port hears only of what is to be billed: a demo session is priced for show, never charged
            if (outcome.rated() && !outcome.demo()) {
                events.publishEvent(new SessionRated(TenantContext.requireTenant(), sessionId, outcome.mspCdrId()));
            }
            return Optional.ofNullable(outcome.mspCdrId());
        } catch (DomainException refused) {
            LOG.warn("Session {} not rated: {} {}", sessionId, refused.code(), refused.getMessage());
            transactions.executeWithoutResult(status -> rows.notRated(sessionId, refused.code() + ": " + refused.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Rates a session again after its charger's StopTransaction corrected the finish the platform made after inactivity:
     * its CPO CDR is corrected (end, periods, totals) and the next MSP CDR version supersedes the one rated before, with
     * the same tariff version; {@link SessionCorrected} then tells billing to settle the difference, never to bill the
     * session anew. A session not rated before is rated as usual.
     */
    Optional<UUID> correct(UUID sessionId) {
        record Outcome(UUID mspCdrId, UUID superseded) {
        }
        try {
            Outcome outcome = transactions.execute(status -> {
                ChargingSession session = rows.find(sessionId).orElse(null);
                if (session == null || session.cpoCdrId() == null || session.mspCdrId() == null || session.status() != SessionStatus.FINISHED
                        || session.incomplete() || session.evseId() == null) {
                    return null;
                }
                List<ChargingPeriods.Reading> readings = rows.registerReadings(sessionId);
                MspCdr corrected = cdrs.correctOwn(session.cpoCdrId(), cdrOf(session), (boundaries, zone) -> periodsOf(session, readings, boundaries, zone),
                        RATED_BY);
                rows.rated(sessionId, corrected.cpoCdrId(), corrected.id());
                return new Outcome(corrected.id(), session.mspCdrId());
            });
            if (outcome == null) {
                return rate(sessionId);
            }
            events.publishEvent(new SessionCorrected(TenantContext.requireTenant(), sessionId, outcome.mspCdrId(), outcome.superseded()));
            return Optional.of(outcome.mspCdrId());
        } catch (DomainException refused) {
            LOG.warn("Session {} not rated again: {} {}", sessionId, refused.code(), refused.getMessage());
            transactions.executeWithoutResult(status -> rows.notRated(sessionId, refused.code() + ": " + refused.getMessage()));
            return Optional.empty();
        }
    }

    /** The session's CDR without its periods, which are cut once the tariff that rates them is known. */
    static NewCpoCdr cdrOf(ChargingSession session) {
        Instant start = session.startedAt();
        Instant end = session.stoppedAt().isBefore(start) ? start : session.stoppedAt();
        String tokenUid = session.tokenId() == null ? null : session.idTag();
        return new NewCpoCdr("TX-" + session.transactionId(), session.evseId(), tokenUid, null, start, end, List.of(), null, session.id());
    }

    static List<ChargingPeriod> periodsOf(ChargingSession session, List<ChargingPeriods.Reading> readings, TariffBoundaries boundaries, ZoneId zone) {
        Instant start = session.startedAt();
        Instant end = session.stoppedAt().isBefore(start) ? start : session.stoppedAt();
        long stop = Math.max(session.meterStartWh(), session.meterStopWh());
        return ChargingPeriods.of(start, end, session.meterStartWh(), stop, readings, boundaries, zone);
    }
}
