package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.assets.ChargerAccess;
import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargerEvents.IdTagInfo;
import io.chargebase.domain.charging.internal.ActivityRows;
import io.chargebase.domain.charging.internal.InactivityRows;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.domain.charging.internal.SessionStore;
import io.chargebase.domain.charging.internal.TransactionIdBlocks;
import io.chargebase.domain.charging.lifecycle.Active;
import io.chargebase.domain.charging.lifecycle.LostUpdate;
import io.chargebase.domain.charging.lifecycle.NewSession;
import io.chargebase.domain.charging.lifecycle.Orphan;
import io.chargebase.domain.charging.lifecycle.Pending;
import io.chargebase.domain.charging.lifecycle.Refused;
import io.chargebase.domain.charging.lifecycle.Retry;
import io.chargebase.domain.charging.lifecycle.SessionEvent;
import io.chargebase.domain.charging.lifecycle.SessionState;
import io.chargebase.domain.charging.lifecycle.StartFacts;
import io.chargebase.domain.charging.lifecycle.StopFacts;
import io.chargebase.domain.charging.lifecycle.Transition;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.tokens.Authorisation;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenAuthorisations;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.domain.tokens.Tokens;

/**
 * The session lifecycle: Authorize, StartTransaction and StopTransaction, a remote start's pending session, and the
 * platform's finish after inactivity. Each is load → decide → save: the session's state is loaded under its charger's
 * advisory lock (so a replayed message finds what its original did and changes nothing), the state type decides
 * ({@link io.chargebase.domain.charging.lifecycle}, pure), and the transition is saved over the version it was decided
 * on. A writer outside the lock (the fail-start sweep) that came first makes the save a lost update: the whole
 * transaction rolls back and is tried again from the load, at most {@value #ATTEMPTS} times. The transition's events
 * are then applied: in the same transaction (a spent reservation, the demo mark, the inactivity mark) or after its
 * commit (rating). A token its own status accepts may still be refused by the operator's rules ({@link StartPermissions}).
 */
@Component
class SessionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);
    static final int ATTEMPTS = 3;
    private static final Authorisation FREE_VEND = new Authorisation(Authorisation.Decision.ACCEPTED, null, null);

    private final SessionRows rows;
    private final SessionStore store;
    private final TokenAuthorisations authorisations;
    private final Tokens tokens;
    private final SessionRating rating;
    private final MeterReadings readings;
    private final StartPermissions permissions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final InactivityRows inactivity;
    private final ActivityRows activity;
    private final Reservations reservations;
    private final ChargerAccess access;
    private final TransactionIdBlocks transactionIds;

    SessionLifecycle(SessionRows rows, SessionStore store, TokenAuthorisations authorisations, Tokens tokens, SessionRating rating,
            MeterReadings readings, StartPermissions permissions, PlatformTransactionManager transactionManager, Clock clock,
            InactivityRows inactivity, ActivityRows activity, Reservations reservations, ChargerAccess access, TransactionIdBlocks transactionIds) {
        this.rows = rows;
        this.store = store;
        this.authorisations = authorisations;
        this.tokens = tokens;
        this.rating = rating;
        this.readings = readings;
        this.permissions = permissions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.inactivity = inactivity;
        this.activity = activity;
        this.reservations = reservations;
        this.access = access;
        this.transactionIds = transactionIds;
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
                store.save(Pending.awaitCar(new NewSession(UUID.randomUUID(), charger.chargePointId(), null, null, idTag, token.get().id(),
                        token.get().ownerProfileId(), clock.instant())));
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
            store.save(Pending.awaitCar(new NewSession(id, charger.chargePointId(), connectorId,
                    connectorId == null ? null : rows.evseAt(charger.chargePointId(), connectorId).orElse(null), idTag,
                    token.map(Token::id).orElse(null), token.map(Token::ownerProfileId).orElse(null), clock.instant())));
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
        // taken before the transaction begins, so that no start waits for another's commit (a replay leaves it unused)
        int transactionId = transactionIds.next();
        return retrying(() -> transactions.execute(status -> {
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
            // a replayed start was answered above and is not recorded twice
            activity.insertAuthorization(charger.chargePointId(), start.connectorId(), Authorization.Source.START_TRANSACTION, start.idTag(),
                    token.map(Token::id).orElse(null), answer, clock.instant());
            Instant now = clock.instant();
            StartFacts facts = new StartFacts(transactionId, start.connectorId(),
                    rows.evseAt(charger.chargePointId(), start.connectorId()).orElse(null), start.meterStartWh(), start.timestamp(),
                    start.reservationId(), now);
            NewSession who = new NewSession(UUID.randomUUID(), charger.chargePointId(), start.connectorId(), facts.evseId(), start.idTag(),
                    token.map(Token::id).orElse(null), token.map(Token::ownerProfileId).orElse(null), now);
            Transition transition;
            if (answer == AuthorizationStatus.ACCEPTED) {
                transition = store.pending(charger.chargePointId(), start.idTag()).map(pending -> pending.start(facts))
                        .orElseGet(() -> Active.begin(who, facts));
            } else {
                transition = Refused.refuse(who, facts, answer, "Refused: " + answer + refused.map(r -> ", " + r.reason()).orElse(""));
            }
            store.save(transition);
            applyInTransaction(transition.events(), now);
            return new ChargerEvents.Started(facts.transactionId(),
                    new IdTagInfo(answer, refused.isPresent() ? null : decision.expiresAt(), decision.parentIdTag()));
        }));
    }

    IdTagInfo stop(ChargerRef charger, ChargerEvents.TransactionStop stop) {
        Authorisation decision = stop.idTag() == null ? null : authorisations.authorise(charger.tenantId(), stop.idTag());
        IdTagInfo answer = decision == null ? null : info(decision, null);
        List<SessionEvent> afterCommit = retrying(() -> transactions.execute(status -> {
            rows.lockCharger(charger.chargePointId());
            Instant now = clock.instant();
            Optional<SessionStore.Loaded> found = store.byTransaction(stop.transactionId())
                    .filter(loaded -> loaded.state().session().chargePointId().equals(charger.chargePointId()));
            if (found.isEmpty()) {
                recordOrphan(charger, stop, now);
                return List.<SessionEvent>of();
            }
            SessionState state = found.get().state();
            Optional<Transition> transition = SessionState.onStop(state,
                    new StopFacts(stop.meterStopWh(), stop.timestamp(), stop.reasonCode(), now));
            if (transition.isEmpty()) {
                // a replay, or a session that is over: the stop changes nothing
                return List.<SessionEvent>of();
            }
            ChargingSession session = state.session();
            store(charger, session.connectorId(), found.get().metered(), stop.transactionData());
            if (stop.meterStopWh() < session.meterStartWh()) {
                LOG.warn("{}: transaction {} stops at {} Wh, below its start at {} Wh", charger.identity(), stop.transactionId(),
                        stop.meterStopWh(), session.meterStartWh());
            }
            store.save(transition.get());
            return applyInTransaction(transition.get().events(), now);
        }));
        applyAfterCommit(afterCommit);
        return answer;
    }

    /**
     * The manual's "Finish after inactivity": finishes the session if it is still active and silent since before
     * {@code silentSince}, under its charger's lock (a StopTransaction racing it wins or sees it finished), and rates
     * it; answers whether it did. The platform has not received a StopTransaction for it: when one comes after all, it
     * corrects the session, and the CDR gets a new MSP version instead of a second bill.
     */
    boolean finishAfterInactivity(UUID sessionId, Instant silentSince, Duration timeout, Instant now) {
        List<SessionEvent> afterCommit = retrying(() -> transactions.execute(status -> {
            Optional<ChargingSession> found = rows.find(sessionId).filter(s -> s.status() == SessionStatus.ACTIVE && s.transactionId() != null);
            if (found.isEmpty()) {
                return null;
            }
            rows.lockCharger(found.get().chargePointId());
            if (!inactivity.silent(sessionId, silentSince)) {
                return null;
            }
            SessionStore.Loaded loaded = store.find(sessionId).orElseThrow();
            if (!(loaded.state() instanceof Active active)) {
                return null;
            }
            Transition transition = active.finishAfterInactivity(loaded.registerWh(), timeout);
            store.save(transition);
            return applyInTransaction(transition.events(), now);
        }));
        if (afterCommit == null) {
            return false;
        }
        applyAfterCommit(afterCommit);
        return true;
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
        store.save(Orphan.record(new NewSession(id, charger.chargePointId(), null, null, stop.idTag(), token.map(Token::id).orElse(null),
                token.map(Token::ownerProfileId).orElse(null), now), stop.transactionId(), meterStart, started,
                new StopFacts(stop.meterStopWh(), stop.timestamp(), stop.reasonCode(), now)));
        store(charger, 0, new SessionRows.Metered(rows.find(id).orElseThrow(), null, null), data);
    }

    /** Applies the events that belong to the transition's transaction; returns those for after its commit. */
    private List<SessionEvent> applyInTransaction(List<SessionEvent> events, Instant now) {
        for (SessionEvent event : events) {
            switch (event) {
                case SessionEvent.Began began -> {
                    if (began.reservationId() != null) {
                        reservations.used(began.chargePointId(), began.reservationId(), began.idTag(), began.at());
                    }
                    // a DEMO charge point's session is rated like any other and never handed to billing (SessionRating)
                    rows.markDemoIfOnDemo(began.sessionId());
                }
                case SessionEvent.InactivityCorrected corrected -> inactivity.corrected(corrected.sessionId(), now);
                case SessionEvent.InactivityFinished finished -> inactivity.finished(finished.sessionId(), "No start or meter value for over "
                        + InactivityRows.minutes(finished.timeout()) + " (finish after inactivity): considered terminated and finished from its last "
                        + "reading, " + finished.meterStopWh() + " Wh at " + finished.stoppedAt() + ". A StopTransaction that comes later corrects it.",
                        now);
                case SessionEvent.Rate rate -> {
                }
                case SessionEvent.Rerate rerate -> {
                }
            }
        }
        return events.stream().filter(event -> event instanceof SessionEvent.Rate || event instanceof SessionEvent.Rerate).toList();
    }

    private void applyAfterCommit(List<SessionEvent> events) {
        for (SessionEvent event : events) {
            if (event instanceof SessionEvent.Rerate rerate) {
                rating.correct(rerate.sessionId());
            } else if (event instanceof SessionEvent.Rate rate) {
                rating.rate(rate.sessionId());
            }
        }
    }

    private static <T> T retrying(Supplier<T> attempt) {
        return Retry.onLostUpdate(ATTEMPTS, () -> {
            try {
                return attempt.get();
            } catch (LostUpdate lost) {
                LOG.info("{}; deciding again", lost.getMessage());
                throw lost;
            }
        });
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
