package io.chargebase.domain.charging.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.SessionStatus;

/** Each state's transitions, legal and illegal, and the stored rows each state reads back from. */
class SessionStatesTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T09:58:00Z");
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-20T10:00:01Z");
    private static final Instant STOP = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant STOP_RECEIVED = Instant.parse("2026-11-20T11:00:02Z");
    private static final UUID CHARGE_POINT = UUID.randomUUID();
    private static final UUID EVSE = UUID.randomUUID();
    private static final UUID TOKEN = UUID.randomUUID();
    private static final UUID PROFILE = UUID.randomUUID();

    private static NewSession who(Integer connectorId, UUID evseId) {
        return new NewSession(UUID.randomUUID(), CHARGE_POINT, connectorId, evseId, "04A1B2C3", TOKEN, PROFILE, CREATED);
    }

    private static StartFacts start(UUID evseId, Integer reservationId) {
        return new StartFacts(42, 1, evseId, 1_000, START, reservationId, RECEIVED);
    }

    private static StopFacts stop(long meterStopWh) {
        return new StopFacts(meterStopWh, STOP, "EVDisconnected", STOP_RECEIVED);
    }

    private static Active active(UUID evseId) {
        return (Active) Active.begin(who(1, evseId), start(evseId, null)).next();
    }

    /** An active session whose charger sent readings: the latest energy sample and when. */
    private static Active activeWithReadings(BigDecimal latestEnergyWh, Instant latestSampleAt) {
        ChargingSession s = active(EVSE).session();
        return new Active(new ChargingSession(s.id(), s.transactionId(), null, s.chargePointId(), s.connectorId(), s.evseId(), s.idTag(),
                s.tokenId(), s.profileId(), s.status(), s.authorisation(), s.meterStartWh(), null, s.startedAt(), null, null, latestEnergyWh, null,
                null, latestSampleAt, false, null, null, null, null, s.createdAt(), s.startReceivedAt(), null), 3);
    }

    /** The next state reads back from its stored row as the same state. */
    private static void readsBack(Transition transition, boolean finishedByPlatform) {
        SessionState next = transition.next();
        assertThat(SessionState.of(next.session(), next.version(), finishedByPlatform)).isEqualTo(next);
    }

    @Nested
    class APendingSession {

        @Test
        void waitsForTheCarAsANewRow() {
            Transition awaiting = Pending.awaitCar(who(null, null));
            assertThat(awaiting.next()).isInstanceOf(Pending.class);
            assertThat(awaiting.next().version()).isZero();
            assertThat(awaiting.write()).isEqualTo(new Transition.Insert());
            assertThat(awaiting.events()).isEmpty();
            ChargingSession s = awaiting.next().session();
            assertThat(s.status()).isEqualTo(SessionStatus.PENDING);
            assertThat(s.authorisation()).isEqualTo(AuthorizationStatus.ACCEPTED);
            assertThat(s.transactionId()).isNull();
            assertThat(s.createdAt()).isEqualTo(CREATED);
            readsBack(awaiting, false);
        }

        @Test
        void startsWhenTheChargerStartsOverItsVersionAndSpendsTheReservation() {
            Pending pending = new Pending(Pending.awaitCar(who(null, null)).next().session(), 4);
            Transition started = pending.start(start(EVSE, 7));
            assertThat(started.next()).isInstanceOf(Active.class);
            assertThat(started.next().version()).isEqualTo(5);
            assertThat(started.write()).isEqualTo(new Transition.Start(4, 7));
            assertThat(started.events()).containsExactly(new SessionEvent.Began(pending.id(), CHARGE_POINT, 7, "04A1B2C3", RECEIVED));
            ChargingSession s = started.next().session();
            assertThat(s.id()).isEqualTo(pending.id());
            assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
            assertThat(s.transactionId()).isEqualTo(42);
            assertThat(s.connectorId()).isEqualTo(1);
            assertThat(s.evseId()).isEqualTo(EVSE);
            assertThat(s.meterStartWh()).isEqualTo(1_000);
            assertThat(s.startedAt()).isEqualTo(START);
            assertThat(s.startReceivedAt()).isEqualTo(RECEIVED);
            assertThat(s.createdAt()).as("when the driver swiped").isEqualTo(CREATED);
            readsBack(started, false);
        }

        @Test
        void failsWhenTheCarNeverComes() {
            Pending pending = new Pending(Pending.awaitCar(who(1, EVSE)).next().session(), 0);
            Transition failed = pending.failStart(STOP_RECEIVED);
            assertThat(failed.next()).isInstanceOf(Failed.class);
            assertThat(failed.write()).isEqualTo(new Transition.Stop(0));
            assertThat(failed.events()).isEmpty();
            assertThat(failed.next().session().status()).isEqualTo(SessionStatus.FAILED);
            assertThat(failed.next().session().stopReason()).isEqualTo("FailStart");
            assertThat(failed.next().session().stopReceivedAt()).isEqualTo(STOP_RECEIVED);
            readsBack(failed, false);
        }

        @Test
        void cannotBeStopped() {
            Pending pending = (Pending) Pending.awaitCar(who(null, null)).next();
            assertThat(SessionState.onStop(pending, stop(5_000))).isEmpty();
            assertThat(transitions(Pending.class)).containsExactlyInAnyOrder("start", "failStart");
        }
    }

    @Nested
    class AnActiveSession {

        @Test
        void beginsWithoutAPendingOneAsANewRow() {
            Transition begun = Active.begin(who(1, EVSE), start(EVSE, null));
            assertThat(begun.next()).isInstanceOf(Active.class);
            assertThat(begun.write()).isEqualTo(new Transition.Insert());
            assertThat(begun.events()).singleElement().isInstanceOf(SessionEvent.Began.class);
            ChargingSession s = begun.next().session();
            assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
            assertThat(s.stopReason()).isNull();
            assertThat(s.startReceivedAt()).isEqualTo(RECEIVED);
            readsBack(begun, false);
        }

        @Test
        void finishesWhenItsChargerStopsItAndIsToBeRated() {
            Active active = active(EVSE);
            Transition stopped = SessionState.onStop(active, stop(9_000)).orElseThrow();
            assertThat(stopped.next()).isInstanceOf(Finished.class);
            assertThat(stopped.next().version()).isEqualTo(1);
            assertThat(stopped.write()).isEqualTo(new Transition.Stop(0));
            assertThat(stopped.events()).containsExactly(new SessionEvent.Rate(active.id()));
            ChargingSession s = stopped.next().session();
            assertThat(s.status()).isEqualTo(SessionStatus.FINISHED);
            assertThat(s.meterStopWh()).isEqualTo(9_000);
            assertThat(s.energyWh()).isEqualTo(8_000);
            assertThat(s.stoppedAt()).isEqualTo(STOP);
            assertThat(s.stopReason()).isEqualTo("EVDisconnected");
            assertThat(s.stopReceivedAt()).isEqualTo(STOP_RECEIVED);
            assertThat(s.ratingError()).isNull();
            readsBack(stopped, false);
        }

        @Test
        void isIncompleteAndNotRatedWhenItsMeterRanBackwards() {
            Transition stopped = active(EVSE).stop(stop(999));
            assertThat(stopped.next()).isInstanceOf(Incomplete.class);
            assertThat(stopped.events()).isEmpty();
            assertThat(stopped.next().session().incomplete()).isTrue();
            assertThat(stopped.next().session().incompleteReason()).isEqualTo("meterStop 999 Wh lies below meterStart 1000 Wh");
            assertThat(stopped.next().session().ratingError()).isEqualTo("Not rated: the meter stopped below its start.");
            readsBack(stopped, false);
        }

        @Test
        void isNotRatedWhenItsConnectorIsNoEvse() {
            Transition stopped = active(null).stop(stop(9_000));
            assertThat(stopped.next()).isInstanceOf(Finished.class);
            assertThat(stopped.events()).isEmpty();
            assertThat(stopped.next().session().ratingError()).isEqualTo("Not rated: connector 1 is no EVSE of this charge point.");
        }

        @Test
        void keepsItsStoredStopReasonWhenTheChargerGivesNone() {
            Transition stopped = active(EVSE).stop(new StopFacts(9_000, STOP, null, STOP_RECEIVED));
            assertThat(stopped.next().session().stopReason()).isNull();
        }

        @Test
        void isFinishedByThePlatformFromItsLastRegisterReading() {
            Active active = activeWithReadings(new BigDecimal("4000"), START.plus(Duration.ofMinutes(30)));
            Transition finished = active.finishAfterInactivity(new BigDecimal("5000"), Duration.ofMinutes(120));
            assertThat(finished.next()).isInstanceOf(FinishedAfterInactivity.class);
            assertThat(finished.write()).isEqualTo(new Transition.Stop(3));
            assertThat(finished.events()).containsExactly(
                    new SessionEvent.InactivityFinished(active.id(), Duration.ofMinutes(120), 5_000, START.plus(Duration.ofMinutes(30))),
                    new SessionEvent.Rate(active.id()));
            ChargingSession s = finished.next().session();
            assertThat(s.status()).isEqualTo(SessionStatus.FINISHED);
            assertThat(s.meterStopWh()).isEqualTo(5_000);
            assertThat(s.stoppedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(s.stopReason()).isEqualTo("FinishedAfterInactivity");
            assertThat(s.stopReceivedAt()).as("no stop received: a late one corrects it").isNull();
            readsBack(finished, true);
        }

        @Test
        void isFinishedByThePlatformFromItsLatestSampleOrItsStartWhenItSentNone() {
            Transition fromSample = activeWithReadings(new BigDecimal("4000"), START.plusSeconds(60)).finishAfterInactivity(null, Duration.ofHours(2));
            assertThat(fromSample.next().session().meterStopWh()).isEqualTo(4_000);
            Transition silent = active(EVSE).finishAfterInactivity(null, Duration.ofHours(2));
            assertThat(silent.next().session().meterStopWh()).isEqualTo(1_000);
            assertThat(silent.next().session().stoppedAt()).isEqualTo(START);
            Transition below = activeWithReadings(new BigDecimal("500"), START.minusSeconds(60)).finishAfterInactivity(null, Duration.ofHours(2));
            assertThat(below.next().session().meterStopWh()).as("never below its start").isEqualTo(1_000);
            assertThat(below.next().session().stoppedAt()).as("a sample from before its start").isEqualTo(START);
        }

        @Test
        void finishedByThePlatformIsNotRatedWhenItsConnectorIsNoEvse() {
            Transition finished = active(null).finishAfterInactivity(null, Duration.ofHours(2));
            assertThat(finished.events()).singleElement().isInstanceOf(SessionEvent.InactivityFinished.class);
        }

        @Test
        void offersOnlyStopAndFinish() {
            assertThat(transitions(Active.class)).containsExactlyInAnyOrder("stop", "finishAfterInactivity");
        }
    }

    @Nested
    class ARefusedTransaction {

        @Test
        void isANewFailedRowWithTheRefusalAsItsReason() {
            Transition refused = Refused.refuse(who(1, EVSE), start(EVSE, null), AuthorizationStatus.BLOCKED, "Refused: BLOCKED");
            assertThat(refused.next()).isInstanceOf(Refused.class);
            assertThat(refused.write()).isEqualTo(new Transition.Insert());
            assertThat(refused.events()).as("no reservation spent, nothing rated").isEmpty();
            ChargingSession s = refused.next().session();
            assertThat(s.status()).isEqualTo(SessionStatus.FAILED);
            assertThat(s.authorisation()).isEqualTo(AuthorizationStatus.BLOCKED);
            assertThat(s.transactionId()).isEqualTo(42);
            assertThat(s.stopReason()).isEqualTo("Refused: BLOCKED");
            readsBack(refused, false);
        }

        @Test
        void recordsItsStopAndStaysFailed() {
            Refused refused = (Refused) Refused.refuse(who(1, EVSE), start(EVSE, null), AuthorizationStatus.INVALID, "Refused: INVALID").next();
            Transition stopped = SessionState.onStop(refused, stop(1_200)).orElseThrow();
            assertThat(stopped.next()).isInstanceOf(Failed.class);
            assertThat(stopped.write()).isEqualTo(new Transition.Stop(0));
            assertThat(stopped.events()).isEmpty();
            assertThat(stopped.next().session().meterStopWh()).isEqualTo(1_200);
            assertThat(stopped.next().session().stopReason()).isEqualTo("EVDisconnected");
            assertThat(stopped.next().session().ratingError()).isNull();
            readsBack(stopped, false);
        }

        @Test
        void isMarkedIncompleteWhenItsMeterRanBackwards() {
            Refused refused = (Refused) Refused.refuse(who(1, EVSE), start(EVSE, null), AuthorizationStatus.INVALID, "Refused").next();
            ChargingSession s = refused.stop(stop(10)).next().session();
            assertThat(s.status()).isEqualTo(SessionStatus.FAILED);
            assertThat(s.incomplete()).isTrue();
        }

        @Test
        void offersOnlyStop() {
            assertThat(transitions(Refused.class)).containsExactly("stop");
        }
    }

    @Nested
    class ASessionFinishedAfterInactivity {

        private FinishedAfterInactivity finished(UUID evseId) {
            Active active = active(evseId);
            return (FinishedAfterInactivity) active.finishAfterInactivity(null, Duration.ofHours(2)).next();
        }

        @Test
        void isCorrectedByTheChargersLateStopAndRatedAgain() {
            FinishedAfterInactivity finished = finished(EVSE);
            Transition corrected = SessionState.onStop(finished, stop(8_000)).orElseThrow();
            assertThat(corrected.next()).isInstanceOf(Finished.class);
            assertThat(corrected.write()).isEqualTo(new Transition.Stop(1));
            assertThat(corrected.events()).containsExactly(new SessionEvent.InactivityCorrected(finished.id()), new SessionEvent.Rerate(finished.id()));
            assertThat(corrected.next().session().meterStopWh()).isEqualTo(8_000);
            assertThat(corrected.next().session().stopReason()).isEqualTo("EVDisconnected");
            assertThat(corrected.next().session().stopReceivedAt()).isEqualTo(STOP_RECEIVED);
            readsBack(corrected, false);
        }

        @Test
        void isCorrectedToIncompleteWhenTheLateStopRanBackwards() {
            Transition corrected = finished(EVSE).correct(stop(10));
            assertThat(corrected.next()).isInstanceOf(Incomplete.class);
            assertThat(corrected.events()).singleElement().isInstanceOf(SessionEvent.InactivityCorrected.class);
        }

        @Test
        void offersOnlyCorrect() {
            assertThat(transitions(FinishedAfterInactivity.class)).containsExactly("correct");
        }
    }

    @Nested
    class AnOrphanStop {

        @Test
        void isAnIncompleteUnratedRecordUnderTheReportedTransaction() {
            Transition recorded = Orphan.record(who(null, null), 977, 100L, START, stop(5_000));
            assertThat(recorded.next()).isInstanceOf(Orphan.class);
            assertThat(recorded.write()).isEqualTo(new Transition.Insert());
            assertThat(recorded.events()).isEmpty();
            ChargingSession s = recorded.next().session();
            assertThat(s.transactionId()).isNull();
            assertThat(s.reportedTransactionId()).isEqualTo(977);
            assertThat(s.status()).isEqualTo(SessionStatus.FINISHED);
            assertThat(s.incomplete()).isTrue();
            assertThat(s.incompleteReason()).isEqualTo("StopTransaction for transaction 977, which this platform never started");
            assertThat(s.ratingError()).isEqualTo("Not rated: the start of the session is unknown.");
            assertThat(s.meterStartWh()).isEqualTo(100);
            assertThat(s.stopReceivedAt()).isEqualTo(STOP_RECEIVED);
            readsBack(recorded, false);
        }
    }

    @Nested
    class SessionsThatAreOver {

        @Test
        void changeNothingOnAnotherStop() {
            SessionState finished = active(EVSE).stop(stop(9_000)).next();
            SessionState incomplete = active(EVSE).stop(stop(10)).next();
            SessionState failed = new Pending(Pending.awaitCar(who(null, null)).next().session(), 0).failStart(STOP_RECEIVED).next();
            SessionState orphan = Orphan.record(who(null, null), 977, null, null, stop(5_000)).next();
            assertThat(java.util.List.of(finished, incomplete, failed, orphan))
                    .allSatisfy(over -> assertThat(SessionState.onStop(over, stop(12_000))).as(over.getClass().getSimpleName()).isEmpty());
        }

        @Test
        void offerNoTransitions() {
            assertThat(transitions(Finished.class)).isEmpty();
            assertThat(transitions(Incomplete.class)).isEmpty();
            assertThat(transitions(Failed.class)).isEmpty();
            assertThat(transitions(Orphan.class)).isEmpty();
        }

        @Test
        void aFinishedRowWithoutThePlatformsMarkIsFinishedNotCorrectable() {
            ChargingSession finishedByPlatform = active(EVSE).finishAfterInactivity(null, Duration.ofHours(2)).next().session();
            assertThat(SessionState.of(finishedByPlatform, 1, false)).as("corrected once already").isInstanceOf(Finished.class);
            assertThat(SessionState.of(finishedByPlatform, 1, true)).isInstanceOf(FinishedAfterInactivity.class);
        }
    }

    @Nested
    class LostUpdates {

        @Test
        void areDecidedAgainUntilASaveGoesThrough() {
            int[] attempts = {0};
            String saved = Retry.onLostUpdate(3, () -> {
                if (++attempts[0] < 3) {
                    throw new LostUpdate(UUID.randomUUID(), attempts[0]);
                }
                return "saved";
            });
            assertThat(saved).isEqualTo("saved");
            assertThat(attempts[0]).isEqualTo(3);
        }

        @Test
        void areRefusedAfterTheLastAttempt() {
            int[] attempts = {0};
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Retry.onLostUpdate(3, () -> {
                attempts[0]++;
                throw new LostUpdate(UUID.randomUUID(), 0);
            })).isInstanceOf(LostUpdate.class);
            assertThat(attempts[0]).isEqualTo(3);
        }

        @Test
        void otherFailuresAreNotRetried() {
            int[] attempts = {0};
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Retry.onLostUpdate(3, () -> {
                attempts[0]++;
                throw new IllegalStateException("no");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(attempts[0]).isEqualTo(1);
        }
    }

    /** The transitions a state type offers: its public instance methods that return a {@link Transition}. */
    private static java.util.List<String> transitions(Class<? extends SessionState> state) {
        return Arrays.stream(state.getDeclaredMethods()).filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> !Modifier.isStatic(method.getModifiers())).filter(method -> method.getReturnType() == Transition.class)
                .map(Method::getName).toList();
    }
}
