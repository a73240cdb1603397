package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.assets.ChargerAccess;
import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargerEvents.IdTagInfo;
import io.chargebase.domain.charging.internal.ActivityRows;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.tokens.Authorisation;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenAuthorisations;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.domain.tokens.Tokens;

/**
 * Sessions from Authorize, StartTransaction, MeterValues and StopTransaction. Each charger's session changes are
 * serialised (an advisory lock per charger), so a replayed message finds what its original did and changes nothing.
 * A token its own status accepts may still be refused by the operator's rules ({@link StartPermissions}).
 */
@Component
class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final Authorisation FREE_VEND = new Authorisation(Authorisation.Decision.ACCEPTED, null, null);

    private final SessionRows rows;
    private final TokenAuthorisations authorisations;
    private final Tokens tokens;
    private final SessionRating rating;
    private final MeterReadings readings;
    private final StartPermissions permissions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final io.chargebase.domain.charging.internal.InactivityRows inactivity;
    private final ActivityRows activity;
    private final Reservations reservations;
    private final ChargerAccess access;

    Transactions(SessionRows rows, TokenAuthorisations authorisations, Tokens tokens, SessionRating rating, MeterReadings readings,
            StartPermissions permissions, PlatformTransactionManager transactionManager, Clock clock,
            io.chargebase.domain.charging.internal.InactivityRows inactivity, ActivityRows activity, Reservations reservations,
            ChargerAccess access) {
        this.inactivity = inactivity;
        this.activity = activity;
        this.reservations = reservations;
        this.access = access;
        this.readings = readings;
        this.permissions = permissions;
        this.rows = rows;
        this.authorisations = authorisations;
        this.tokens = tokens;
        this.rating = rating;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Answers an Authorize and keeps it as an authorisation record (manual: ACTIVITY > Authorizations), unknown cards included. */
    IdTagInfo authorize(ChargerRef charger, String idTag) {
        IdTagInfo answer = decideAuthorize(charger, idTag);
        if (idTag != null && !idTag.isEmpty()) {
            transactions.executeWithoutResult(status -> activity.insertAuthorization(charger.chargePointId(), null, Authorization.Source.AUTHORIZE,
                    idTag, token(idTag).map(Token::id).orElse(null), answer.status(), clock.instant()));
        }
        return answer;
    }

    private IdTagInfo decideAuthorize(ChargerRef charger, String idTag) {
        Authorisation decision = authorisations.authorise(charger.tenantId(), idTag);
        // an idTag no token has may be the charge point's free-vend one: anyone may charge there, anonymously
        if (decision.decision() == Authorisation.Decision.INVALID && access.acceptsFreeVend(charger.chargePointId(), idTag)) {
            return new IdTagInfo(AuthorizationStatus.ACCEPTED, null, null);
        }
        if (decision.decision() != Authorisation.Decision.ACCEPTED) {
            return info(decision, null);
        }
        return transactions.execute(status -> {
            rows.lockCharger(charger.chargePointId());
            Optional<Token> token = authorisations.token(charger.tenantId(), idTag);
            if (token.isEmpty()) {
                return info(Authorisation.INVALID, null);
            }
            Optional<StartPermissions.Refusal> refused = permissions.refusal(charger.chargePointId(), null, token.get());
            if (refused.isPresent()) {
                LOG.info("{}: Authorize of {} refused: {}", charger.identity(), idTag, refused.get().reason());
                return new IdTagInfo(refused.get().status(), null, decision.parentIdTag());
            }
            // a private charge point takes only the tokens of drivers invited to it; a point of interest takes none
            if (!access.usableBy(charger.chargePointId(), token.get().ownerProfileId())) {
                return info(Authorisation.INVALID, null);
            }
            if (rows.activeElsewhere(token.get().id(), charger.chargePointId(), null)) {
                return info(decision, AuthorizationStatus.CONCURRENT_TX);
            }
            // the driver swiped before plugging in: the session waits for the car (fail-start timeout); an Authorize
            // to stop a session already running here starts nothing
            if (!rows.activeHere(token.get().id(), charger.chargePointId())) {
                Instant now = clock.instant();
                rows.insert(new ChargingSession(UUID.randomUUID(), null, null, charger.chargePointId(), null, null, idTag, token.get().id(),
                        token.get().ownerProfileId(), SessionStatus.PENDING, AuthorizationStatus.ACCEPTED, null, null, null, null, null, null,
                        null, null, null, false, null, null, null, null, now, null, null));
            }
            return info(decision, null);
        });
    }

    /** Refuses (with a user error) a remote start the charger would have to refuse: see {@link StartPermissions}. */
    void requireRemoteStart(UUID chargePointId, Integer connectorId, String idTag) {
        permissions.requireRemoteStart(chargePointId, connectorId, token(idTag));
    }

    /** A session a remote start announced: it waits for the car like one begun by a swipe. */
    UUID expectStart(ChargerRef charger, Integer connectorId, String idTag, UUID tariffOverride) {
        return transactions.execute(status -> {
            Optional<Token> token = token(idTag);
            UUID id = UUID.randomUUID();
            rows.insert(new ChargingSession(id, null, null, charger.chargePointId(), connectorId,
                    connectorId == null ? null : rows.evseAt(charger.chargePointId(), connectorId).orElse(null), idTag,
                    token.map(Token::id).orElse(null), token.map(Token::ownerProfileId).orElse(null), SessionStatus.PENDING,
                    AuthorizationStatus.ACCEPTED, null, null, null, null, null, null, null, null, null, false, null, null, null, null,
                    clock.instant(), null, null));
            if (tariffOverride != null) {
                rows.setTariffOverride(id, tariffOverride);
            }
            return id;
        });
    }

    ChargerEvents.Started start(ChargerRef charger, ChargerEvents.TransactionStart start) {
        Authorisation known = authorisations.authorise(charger.tenantId(), start.idTag());
        // a free-vend charge point's own idTag needs no token: the session is anonymous (ad-hoc pricing, billed to nobody)
        Authorisation decision = known.decision() == Authorisation.Decision.INVALID
                && access.acceptsFreeVend(charger.chargePointId(), start.idTag()) ? FREE_VEND : known;
        return transactions.execute(status -> {
            rows.lockCharger(charger.chargePointId());
            Optional<ChargingSession> replay = rows.sameStart(charger.chargePointId(), start.connectorId(), start.idTag(), start.timestamp(),
                    start.meterStartWh());
            if (replay.isPresent()) {
                return new ChargerEvents.Started(replay.get().transactionId(), new IdTagInfo(replay.get().authorisation(),
                        decision.expiresAt(), decision.parentIdTag()));
            }
            Optional<Token> token = authorisations.token(charger.tenantId(), start.idTag());
            AuthorizationStatus answer = status(decision.decision());
            Optional<StartPermissions.Refusal> refused = answer == AuthorizationStatus.ACCEPTED
                    ? permissions.refusal(charger.chargePointId(), start.connectorId(), token.orElse(null)) : Optional.empty();
            if (refused.isPresent()) {
                answer = refused.get().status();
            } else if (answer == AuthorizationStatus.ACCEPTED && !access.usableBy(charger.chargePointId(), token.map(Token::ownerProfileId).orElse(null))) {
                answer = AuthorizationStatus.INVALID;
            } else if (answer == AuthorizationStatus.ACCEPTED
                    && rows.activeElsewhere(token.map(Token::id).orElse(null), charger.chargePointId(), start.connectorId())) {
                answer = AuthorizationStatus.CONCURRENT_TX;
            }
            boolean accepted = answer == AuthorizationStatus.ACCEPTED;
            // a replayed start was answered above and is not recorded twice
            activity.insertAuthorization(charger.chargePointId(), start.connectorId(), Authorization.Source.START_TRANSACTION, start.idTag(),
                    token.map(Token::id).orElse(null), answer, clock.instant());
            if (accepted && start.reservationId() != null) {
                reservations.used(charger.chargePointId(), start.reservationId(), start.idTag(), clock.instant());
            }
            SessionStatus sessionStatus = accepted ? SessionStatus.ACTIVE : SessionStatus.FAILED;
            String refusal = accepted ? null : "Refused: " + answer + refused.map(r -> ", " + r.reason()).orElse("");
            int transactionId = rows.nextTransactionId();
            UUID evse = rows.evseAt(charger.chargePointId(), start.connectorId()).orElse(null);
            Instant now = clock.instant();
            Optional<ChargingSession> pending = accepted ? rows.pending(charger.chargePointId(), start.idTag()) : Optional.empty();
            UUID sessionId = pending.map(ChargingSession::id).orElseGet(UUID::randomUUID);
            if (pending.isPresent()) {
                rows.start(sessionId, transactionId, start.connectorId(), evse, sessionStatus, answer, start.meterStartWh(),
                        start.timestamp(), start.reservationId(), refusal, now);
            } else {
                rows.insert(new ChargingSession(sessionId, transactionId, null, charger.chargePointId(), start.connectorId(), evse,
                        start.idTag(), token.map(Token::id).orElse(null), token.map(Token::ownerProfileId).orElse(null), sessionStatus, answer,
                        start.meterStartWh(), null, start.timestamp(), null, refusal, null, null, null, null, false, null, null, null, null,
                        now, now, null));
            }
            if (accepted) {
                // a DEMO charge point's session is rated like any other and never handed to billing (SessionRating)
                rows.markDemoIfOnDemo(sessionId);
            }
            return new ChargerEvents.Started(transactionId, new IdTagInfo(answer, refused.isPresent() ? null : decision.expiresAt(), decision.parentIdTag()));
        });
    }

    IdTagInfo stop(ChargerRef charger, ChargerEvents.TransactionStop stop) {
        Authorisation decision = stop.idTag() == null ? null : authorisations.authorise(charger.tenantId(), stop.idTag());
        IdTagInfo answer = decision == null ? null : info(decision, null);
        record ToRate(UUID sessionId, boolean correction) {
        }
        ToRate toRate = transactions.execute(status -> {
            rows.lockCharger(charger.chargePointId());
            Instant now = clock.instant();
            Optional<SessionRows.Metered> found = rows.metered(stop.transactionId())
                    .filter(m -> m.session().chargePointId().equals(charger.chargePointId()));
            if (found.isEmpty()) {
                recordOrphan(charger, stop, now);
                return null;
            }
            ChargingSession session = found.get().session();
            // a session the platform finished after inactivity has no stop received: the charger's own stop corrects it
            boolean correction = session.status() == SessionStatus.FINISHED && session.stopReceivedAt() == null
                    && inactivity.finishedByPlatform(session.id());
            if (!correction && (session.stopReceivedAt() != null || session.status() == SessionStatus.FINISHED)) {
                return null;
            }
            store(charger, session.connectorId(), found.get(), stop.transactionData());
            boolean backwards = stop.meterStopWh() < session.meterStartWh();
            if (backwards) {
                LOG.warn("{}: transaction {} stops at {} Wh, below its start at {} Wh", charger.identity(), stop.transactionId(),
                        stop.meterStopWh(), session.meterStartWh());
            }
            boolean failed = session.status() == SessionStatus.FAILED;
            String notRated = failed ? null : backwards ? "Not rated: the meter stopped below its start." : session.evseId() == null
                    ? "Not rated: connector " + session.connectorId() + " is no EVSE of this charge point." : null;
            rows.stop(session.id(), failed ? SessionStatus.FAILED : SessionStatus.FINISHED, stop.meterStopWh(), stop.timestamp(), stop.reason(),
                    backwards, backwards ? "meterStop " + stop.meterStopWh() + " Wh lies below meterStart " + session.meterStartWh() + " Wh" : null,
                    notRated, now);
            if (correction) {
                inactivity.corrected(session.id(), now);
            }
            return failed || notRated != null ? null : new ToRate(session.id(), correction);
        });
        if (toRate != null && toRate.correction()) {
            rating.correct(toRate.sessionId());
        } else if (toRate != null) {
            rating.rate(toRate.sessionId());
        }
        return answer;
    }

    /** A stop for a transaction we never started (lost start, another central system): kept as an incomplete record. */
    private void recordOrphan(ChargerRef charger, ChargerEvents.TransactionStop stop, Instant now) {
        if (rows.orphanStop(charger.chargePointId(), stop.transactionId()).isPresent()) {
            return;
        }
        List<ChargerEvents.MeterSample> data = stop.transactionData() == null ? List.of() : stop.transactionData();
        Instant started = data.stream().map(ChargerEvents.MeterSample::timestamp).filter(t -> t != null).min(Instant::compareTo).orElse(null);
        Long meterStart = data.stream().map(sample -> MeterSamples.normalise(sample, new StringBuilder())).flatMap(Optional::stream)
                .filter(MeterSamples.Normalised::isEnergyRegister).min((a, b) -> a.at().compareTo(b.at()))
                .map(sample -> sample.value().longValue()).orElse(null);
        Optional<Token> token = token(stop.idTag());
        UUID id = UUID.randomUUID();
        rows.insert(new ChargingSession(id, null, stop.transactionId(), charger.chargePointId(), null, null, stop.idTag(),
                token.map(Token::id).orElse(null), token.map(Token::ownerProfileId).orElse(null), SessionStatus.FINISHED, null, meterStart,
                stop.meterStopWh(), started, stop.timestamp(), stop.reason(), null, null, null, null, true,
                "StopTransaction for transaction " + stop.transactionId() + ", which this platform never started", null, null,
                "Not rated: the start of the session is unknown.", now, null, now));
        store(charger, 0, new SessionRows.Metered(rows.find(id).orElseThrow(), null, null), data);
    }

    private void store(ChargerRef charger, int connectorId, SessionRows.Metered session, List<ChargerEvents.MeterSample> samples) {
        if (samples != null && !samples.isEmpty()) {
            readings.store(List.of(new MeterReadings.Message(charger, connectorId, session, samples)));
        }
    }

    private Optional<Token> token(String idTag) {
        return TokenUid.fromIdTag(idTag).flatMap(tokens::findByUid);
    }

    private static IdTagInfo info(Authorisation decision, AuthorizationStatus override) {
        return new IdTagInfo(override != null ? override : status(decision.decision()), decision.expiresAt(), decision.parentIdTag());
    }

    private static AuthorizationStatus status(Authorisation.Decision decision) {
        return switch (decision) {
            case ACCEPTED -> AuthorizationStatus.ACCEPTED;
            case BLOCKED -> AuthorizationStatus.BLOCKED;
            case EXPIRED -> AuthorizationStatus.EXPIRED;
            case INVALID -> AuthorizationStatus.INVALID;
        };
    }
}
