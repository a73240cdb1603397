package io.chargebase.ocpp.rpc;

import static io.chargebase.ocpp.Json.node;
import static io.chargebase.ocpp.Json.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargebase.ocpp.v16.CentralSystemRules16;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RpcEndpointTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String HEARTBEAT_ANSWER = "{'currentTime': '2026-11-25T10:00:00Z'}";

    private final RecordingSink sink = new RecordingSink();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> handled = new ArrayList<>();
    private CallHandler behaviour = (action, payload) -> CompletableFuture.completedFuture(node(HEARTBEAT_ANSWER));
    private final RpcEndpoint endpoint = anEndpoint(RpcSettings.defaults());

    private RpcEndpoint anEndpoint(RpcSettings settings) {
        CallHandler recording = (action, payload) -> {
            synchronized (handled) {
                handled.add(action);
            }
            return behaviour.handle(action, payload);
        };
        return new RpcEndpoint("tenant/CP-1", sink, new CentralSystemRules16(), recording, scheduler, settings,
                () -> "cs-" + ids.incrementAndGet());
    }

    private void receive(String singleQuoted) {
        endpoint.onFrame(text(singleQuoted));
    }

    private CallError lastError() {
        assertThat(sink.last()).isInstanceOf(CallError.class);
        return (CallError) sink.last();
    }

    @Nested
    class CallsFromTheCharger {

        @Test
        void aValidCallIsHandledAndAnswered() {
            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(handled).containsExactly("Heartbeat");
            assertThat(sink.messages()).containsExactly(new CallResult("m1", node(HEARTBEAT_ANSWER)));
        }

        @Test
        void anUnknownActionIsNotImplemented() {
            receive("[2, 'm1', 'GetVariables', {}]");

            assertThat(handled).isEmpty();
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.NOT_IMPLEMENTED);
            assertThat(lastError().messageId()).isEqualTo("m1");
        }

        @Test
        void anActionOfTheCentralSystemIsNotSupported() {
            receive("[2, 'm1', 'Reset', {'type': 'Hard'}]");

            assertThat(handled).isEmpty();
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.NOT_SUPPORTED);
        }

        @Test
        void aMissingFieldIsAnOccurrenceViolation() {
            receive("[2, 'm1', 'BootNotification', {'chargePointModel': 'M'}]");

            assertThat(handled).isEmpty();
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
            assertThat(lastError().errorDetails().get("violations").get(0).get("path").stringValue())
                    .isEqualTo("$.chargePointVendor");
        }

        @Test
        void aWrongTypeIsATypeViolation() {
            receive("[2, 'm1', 'BootNotification', {'chargePointVendor': 1, 'chargePointModel': 'M'}]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION);
        }

        @Test
        void aBadValueIsAPropertyViolation() {
            receive("[2, 'm1', 'Authorize', {'idTag': '123456789012345678901'}]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
        }

        @Test
        void anExtraFieldIsAFormationViolation() {
            receive("[2, 'm1', 'Heartbeat', {'hello': 1}]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
        }

        @Test
        void aHandlerThatThrowsGivesAnInternalError() {
            behaviour = (action, payload) -> {
                throw new IllegalStateException("database down");
            };

            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.INTERNAL_ERROR);
            assertThat(lastError().errorDescription()).doesNotContain("database");
        }

        @Test
        void aHandlerThatFailsItsStageGivesAnInternalError() {
            behaviour = (action, payload) -> CompletableFuture.failedFuture(new RuntimeException("boom"));

            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.INTERNAL_ERROR);
        }

        @Test
        void aHandlerMayChooseTheError() {
            behaviour = (action, payload) -> {
                throw new CallErrorException(RpcErrorCode.SECURITY_ERROR, "Not accepted yet");
            };

            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(lastError()).isEqualTo(RpcError.of(RpcErrorCode.SECURITY_ERROR, "Not accepted yet").toCallError("m1"));
        }

        @Test
        void aHandlerMayChooseTheErrorAsynchronously() {
            behaviour = (action, payload) -> CompletableFuture.supplyAsync(() -> {
                throw new CallErrorException(RpcErrorCode.NOT_SUPPORTED, "No");
            });

            receive("[2, 'm1', 'Heartbeat', {}]");

            waitForFrames(1);
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.NOT_SUPPORTED);
        }

        @Test
        void aResultThatBreaksTheSchemaIsNeverSent() {
            behaviour = (action, payload) -> CompletableFuture.completedFuture(node("{'currentTime': 'noon'}"));

            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(sink.messages()).hasSize(1);
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.INTERNAL_ERROR);
            assertThat(sink.frames().getFirst()).doesNotContain("noon");
        }

        @Test
        void aNullResultIsAnInternalError() {
            behaviour = (action, payload) -> CompletableFuture.completedFuture(null);

            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.INTERNAL_ERROR);
        }

        @Test
        void aFrameWithAReadableIdIsAnsweredWithTheFramingError() {
            receive("[2, 'm1', 'Heartbeat', []]");

            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
            assertThat(lastError().messageId()).isEqualTo("m1");
        }

        @Test
        void garbageWithoutAnIdIsAnsweredAtMinusOne() {
            endpoint.onFrame("this is not json");
            endpoint.onFrame("{}");
            endpoint.onFrame("[]");
            endpoint.onFrame(text("[2, 7, 'Heartbeat', {}]"));

            assertThat(handled).isEmpty();
            assertThat(sink.frames()).hasSize(4);
            for (String frame : sink.frames()) {
                JsonNode answer = FrameCodec.mapper().readTree(frame);
                assertThat(answer.get(0).intValue()).isEqualTo(CallError.TYPE_ID);
                assertThat(answer.get(1).stringValue()).isEqualTo("-1");
                assertThat(answer).hasSize(5);
            }
            assertThat(FrameCodec.mapper().readTree(sink.frames().getFirst()).get(2).stringValue()).isEqualTo("FormationViolation");
            assertThat(FrameCodec.mapper().readTree(sink.frames().get(1)).get(2).stringValue()).isEqualTo("ProtocolError");
        }

        @Test
        void aMalformedAnswerWithoutAnIdGetsNoReply() {
            endpoint.onFrame("[3, 7, {}]");

            assertThat(sink.frames()).isEmpty();
        }

        @Test
        void anOverLongIdIsAProtocolError() {
            String id = "i".repeat(40);

            receive("[2, '" + id + "', 'Heartbeat', {}]");

            // our own decoder refuses such an id too, so the answer is read as plain JSON
            JsonNode answer = FrameCodec.mapper().readTree(sink.frames().getFirst());
            assertThat(handled).isEmpty();
            assertThat(answer.get(0).intValue()).isEqualTo(CallError.TYPE_ID);
            assertThat(answer.get(1).stringValue()).isEqualTo(id);
            assertThat(answer.get(2).stringValue()).isEqualTo("ProtocolError");
        }

        @Test
        void aFrameOverTheLimitIsRefusedAndNotHandled() {
            String frame = "[2,\"big\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\""
                    + "x".repeat(10 * 1024 * 1024) + "\"}]";

            endpoint.onFrame(frame);

            assertThat(handled).isEmpty();
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.GENERIC_ERROR);
            assertThat(lastError().messageId()).isEqualTo("big");
        }

        @Test
        void theLimitComesFromTheSettings() {
            RpcEndpoint strict = anEndpoint(RpcSettings.defaults().withMaxFrameChars(100));

            strict.onFrame(text("[2, 'm1', 'DataTransfer', {'vendorId': 'v', 'data': '" + "d".repeat(100) + "'}]"));

            assertThat(handled).isEmpty();
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.GENERIC_ERROR);
        }

        @Test
        void callsCrossingOurOwnAreAnswered() {
            endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);

            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(sink.last()).isEqualTo(new CallResult("m1", node(HEARTBEAT_ANSWER)));
        }
    }

    @Nested
    class RepeatedMessageIds {

        @Test
        void aRepeatWhileTheFirstIsHandledIsDroppedAndOneAnswerFollows() {
            CompletableFuture<JsonNode> slow = new CompletableFuture<>();
            behaviour = (action, payload) -> slow;

            receive("[2, 'm1', 'Heartbeat', {}]");
            receive("[2, 'm1', 'Heartbeat', {}]");
            slow.complete(node(HEARTBEAT_ANSWER));

            assertThat(handled).hasSize(1);
            assertThat(sink.messages()).containsExactly(new CallResult("m1", node(HEARTBEAT_ANSWER)));
        }

        @Test
        void aRetryAfterTheAnswerGetsTheSameAnswerWithoutHandlingItAgain() {
            receive("[2, 'm1', 'StartTransaction', {'connectorId': 1, 'idTag': 'T', 'meterStart': 0, 'timestamp': '2026-11-25T10:00:00Z'}]");
            behaviour = (action, payload) -> CompletableFuture.completedFuture(
                    node("{'transactionId': 1, 'idTagInfo': {'status': 'Accepted'}}"));
            // the first answer above broke the schema; a retry must see that same answer again
            receive("[2, 'm1', 'StartTransaction', {'connectorId': 1, 'idTag': 'T', 'meterStart': 0, 'timestamp': '2026-11-25T10:00:00Z'}]");

            assertThat(handled).hasSize(1);
            assertThat(sink.frames()).hasSize(2);
            assertThat(sink.frames().get(1)).isEqualTo(sink.frames().get(0));
        }

        @Test
        void aRetryOfAValidCallIsAnsweredFromMemory() {
            receive("[2, 'm1', 'Heartbeat', {}]");
            receive("[2, 'm1', 'Heartbeat', {}]");

            assertThat(handled).hasSize(1);
            assertThat(sink.messages()).containsExactly(new CallResult("m1", node(HEARTBEAT_ANSWER)),
                    new CallResult("m1", node(HEARTBEAT_ANSWER)));
        }

        @Test
        void anIdReusedForAnotherCallIsAProtocolError() {
            receive("[2, 'm1', 'Heartbeat', {}]");
            receive("[2, 'm1', 'Authorize', {'idTag': 'T'}]");

            assertThat(handled).containsExactly("Heartbeat");
            assertThat(lastError().errorCode()).isEqualTo(RpcErrorCode.PROTOCOL_ERROR);
            assertThat(lastError().messageId()).isEqualTo("m1");
        }

        @Test
        void onlyTheLastAnswersAreRemembered() {
            RpcEndpoint forgetful = anEndpoint(new RpcSettings(FrameCodec.DEFAULT_MAX_FRAME_CHARS, 1, 1));

            forgetful.onFrame(text("[2, 'm1', 'Heartbeat', {}]"));
            forgetful.onFrame(text("[2, 'm2', 'Heartbeat', {}]"));
            forgetful.onFrame(text("[2, 'm1', 'Heartbeat', {}]"));

            assertThat(handled).hasSize(3);
        }
    }

    @Nested
    class CallsToTheCharger {

        @Test
        void aCallIsSentAndItsResultReturned() throws Exception {
            CompletionStage<JsonNode> result = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);

            assertThat(sink.messages()).containsExactly(new Call("cs-1", "Reset", node("{'type': 'Soft'}")));
            receive("[3, 'cs-1', {'status': 'Accepted'}]");

            assertThat(result.toCompletableFuture().get()).isEqualTo(node("{'status': 'Accepted'}"));
            assertThat(scheduler.pending()).isZero();
        }

        @Test
        void anInvalidRequestIsNeverSent() {
            CompletionStage<JsonNode> result = endpoint.call("Reset", node("{'type': 'Gentle'}"), TIMEOUT);

            assertThat(sink.frames()).isEmpty();
            assertThat(failure(result)).isInstanceOfSatisfying(OutboundCallException.InvalidPayload.class, e -> {
                assertThat(e.fromCharger()).isFalse();
                assertThat(e.error().code()).isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
            });
        }

        @Test
        void aChargerActionCannotBeSent() {
            assertThat(failure(endpoint.call("Heartbeat", node("{}"), TIMEOUT)))
                    .isInstanceOf(OutboundCallException.InvalidPayload.class);
            assertThat(sink.frames()).isEmpty();
        }

        @Test
        void callsWaitTheirTurnInOrder() throws Exception {
            CompletionStage<JsonNode> first = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            CompletionStage<JsonNode> second = endpoint.call("ClearCache", node("{}"), TIMEOUT);
            CompletionStage<JsonNode> third = endpoint.call("UnlockConnector", node("{'connectorId': 1}"), TIMEOUT);

            assertThat(sentCalls()).containsExactly("Reset");
            receive("[3, 'cs-1', {'status': 'Accepted'}]");
            assertThat(sentCalls()).containsExactly("Reset", "ClearCache");
            receive("[3, 'cs-2', {'status': 'Rejected'}]");
            assertThat(sentCalls()).containsExactly("Reset", "ClearCache", "UnlockConnector");
            receive("[3, 'cs-3', {'status': 'Unlocked'}]");

            assertThat(first.toCompletableFuture().get().get("status").stringValue()).isEqualTo("Accepted");
            assertThat(second.toCompletableFuture().get().get("status").stringValue()).isEqualTo("Rejected");
            assertThat(third.toCompletableFuture().get().get("status").stringValue()).isEqualTo("Unlocked");
        }

        @Test
        void aTimeoutFailsTheCallAndFreesTheSlot() {
            CompletionStage<JsonNode> first = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            CompletionStage<JsonNode> second = endpoint.call("ClearCache", node("{}"), TIMEOUT);

            scheduler.advance(TIMEOUT.minusSeconds(1));
            assertThat(first.toCompletableFuture()).isNotDone();
            scheduler.advance(Duration.ofSeconds(1));

            assertThat(failure(first)).isInstanceOfSatisfying(OutboundCallException.TimedOut.class, e -> {
                assertThat(e.messageId()).isEqualTo("cs-1");
                assertThat(e.timeout()).isEqualTo(TIMEOUT);
            });
            assertThat(sentCalls()).containsExactly("Reset", "ClearCache");
            assertThat(second.toCompletableFuture()).isNotDone();
        }

        @Test
        void theTimeoutCountsFromSending() {
            endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            CompletionStage<JsonNode> second = endpoint.call("ClearCache", node("{}"), Duration.ofSeconds(10));

            scheduler.advance(Duration.ofSeconds(25));
            receive("[3, 'cs-1', {'status': 'Accepted'}]");
            scheduler.advance(Duration.ofSeconds(9));

            assertThat(second.toCompletableFuture()).isNotDone();
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(failure(second)).isInstanceOf(OutboundCallException.TimedOut.class);
        }

        @Test
        void aLateAnswerIsDropped() throws Exception {
            CompletionStage<JsonNode> first = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            CompletionStage<JsonNode> second = endpoint.call("ClearCache", node("{}"), TIMEOUT);
            scheduler.advance(TIMEOUT);

            receive("[3, 'cs-1', {'status': 'Accepted'}]");

            assertThat(failure(first)).isInstanceOf(OutboundCallException.TimedOut.class);
            assertThat(second.toCompletableFuture()).isNotDone();
            receive("[3, 'cs-2', {'status': 'Accepted'}]");
            assertThat(second.toCompletableFuture().get().get("status").stringValue()).isEqualTo("Accepted");
        }

        @Test
        void anAnswerToAnUnknownIdIsIgnored() {
            CompletionStage<JsonNode> pending = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);

            receive("[3, 'nobody', {'status': 'Accepted'}]");
            receive("[4, 'nobody', 'GenericError', '', {}]");

            assertThat(pending.toCompletableFuture()).isNotDone();
            assertThat(sink.frames()).hasSize(1);
        }

        @Test
        void aCallErrorFailsTheCall() {
            CompletionStage<JsonNode> result = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);

            receive("[4, 'cs-1', 'NotSupported', 'Reset not supported', {}]");

            assertThat(failure(result)).isInstanceOfSatisfying(OutboundCallException.Rejected.class,
                    e -> assertThat(e.callError().errorCode()).isEqualTo(RpcErrorCode.NOT_SUPPORTED));
            assertThat(scheduler.pending()).isZero();
        }

        @Test
        void aResultThatBreaksTheSchemaFailsTheCall() {
            CompletionStage<JsonNode> result = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);

            receive("[3, 'cs-1', {'status': 'Perhaps'}]");

            assertThat(failure(result)).isInstanceOfSatisfying(OutboundCallException.InvalidPayload.class,
                    e -> assertThat(e.fromCharger()).isTrue());
        }

        @Test
        void aMalformedResultFailsTheCallWithoutAnAnswerToIt() {
            CompletionStage<JsonNode> first = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            endpoint.call("ClearCache", node("{}"), TIMEOUT);

            receive("[3, 'cs-1', 'Accepted']");

            assertThat(failure(first)).isInstanceOf(OutboundCallException.InvalidPayload.class);
            assertThat(sink.messages()).allMatch(m -> m instanceof Call);
            assertThat(sentCalls()).containsExactly("Reset", "ClearCache");
        }

        @Test
        void aCallCancelledWhileQueuedIsNotSent() {
            endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            endpoint.call("ClearCache", node("{}"), TIMEOUT).toCompletableFuture().cancel(false);
            endpoint.call("GetLocalListVersion", node("{}"), TIMEOUT);

            receive("[3, 'cs-1', {'status': 'Accepted'}]");

            assertThat(sentCalls()).containsExactly("Reset", "GetLocalListVersion");
        }

        @Test
        void aSinkThatFailsFailsTheCallAndTheNextOneGoes() {
            List<String> frames = new ArrayList<>();
            AtomicInteger sends = new AtomicInteger();
            FrameSink flaky = frame -> {
                if (sends.incrementAndGet() == 1) {
                    throw new IllegalStateException("socket closed");
                }
                frames.add(frame);
            };
            RpcEndpoint withFlakySink = new RpcEndpoint("flaky", flaky, new CentralSystemRules16(),
                    (a, p) -> CompletableFuture.completedFuture(node("{}")), scheduler, RpcSettings.defaults());

            CompletionStage<JsonNode> first = withFlakySink.call("ClearCache", node("{}"), TIMEOUT);
            withFlakySink.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);

            assertThat(failure(first)).isInstanceOf(OutboundCallException.NotSent.class);
            assertThat(frames).hasSize(1).allMatch(f -> f.contains("Reset"));
        }

        @Test
        void aSinkThatAnswersOnTheSameThreadIsMatched() throws Exception {
            RpcEndpoint[] self = new RpcEndpoint[1];
            FrameCodec codec = new FrameCodec();
            FrameSink loopback = frame -> {
                if (((Decoded.Message) codec.decode(frame)).message() instanceof Call call) {
                    self[0].onFrame("[3,\"" + call.messageId() + "\",{\"status\":\"Accepted\"}]");
                }
            };
            self[0] = new RpcEndpoint("loopback", loopback, new CentralSystemRules16(),
                    (a, p) -> CompletableFuture.completedFuture(node("{}")), scheduler, RpcSettings.defaults());

            CompletionStage<JsonNode> first = self[0].call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            CompletionStage<JsonNode> second = self[0].call("ClearCache", node("{}"), TIMEOUT);

            assertThat(first.toCompletableFuture().get().get("status").stringValue()).isEqualTo("Accepted");
            assertThat(second.toCompletableFuture().get().get("status").stringValue()).isEqualTo("Accepted");
            assertThat(scheduler.pending()).isZero();
        }

        @Test
        void closingFailsWhatWaitsAndRefusesNewCalls() {
            CompletionStage<JsonNode> sent = endpoint.call("Reset", node("{'type': 'Soft'}"), TIMEOUT);
            CompletionStage<JsonNode> queued = endpoint.call("ClearCache", node("{}"), TIMEOUT);

            endpoint.close();

            assertThat(failure(sent)).isInstanceOf(OutboundCallException.EndpointClosed.class);
            assertThat(failure(queued)).isInstanceOf(OutboundCallException.EndpointClosed.class);
            assertThat(failure(endpoint.call("ClearCache", node("{}"), TIMEOUT)))
                    .isInstanceOf(OutboundCallException.EndpointClosed.class);
            assertThat(scheduler.pending()).isZero();
            assertThat(sentCalls()).containsExactly("Reset");
        }

        @Test
        void answersPreparedWhenTheConnectionClosesAreDropped() {
            CompletableFuture<JsonNode> slow = new CompletableFuture<>();
            behaviour = (action, payload) -> slow;
            receive("[2, 'm1', 'Heartbeat', {}]");

            endpoint.close();
            slow.complete(node(HEARTBEAT_ANSWER));
            receive("[2, 'm2', 'Heartbeat', {}]");

            assertThat(sink.frames()).isEmpty();
        }

        @Test
        void aTimeoutMustBePositive() {
            assertThatThrownBy(() -> endpoint.call("ClearCache", node("{}"), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private List<String> sentCalls() {
            return sink.messages().stream().filter(m -> m instanceof Call).map(m -> ((Call) m).action()).toList();
        }
    }

    @Test
    void manyThreadsCallingAndAnsweringKeepOneCallOutstanding() throws Exception {
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        FrameCodec codec = new FrameCodec();
        RpcEndpoint[] self = new RpcEndpoint[1];
        java.util.concurrent.ExecutorService charger = java.util.concurrent.Executors.newSingleThreadExecutor();
        FrameSink answering = frame -> {
            if (((Decoded.Message) codec.decode(frame)).message() instanceof Call call) {
                worst.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                charger.execute(() -> {
                    outstanding.decrementAndGet();
                    self[0].onFrame("[3,\"" + call.messageId() + "\",{\"status\":\"Accepted\"}]");
                });
            }
        };
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            self[0] = new RpcEndpoint("busy", answering, new CentralSystemRules16(),
                    (a, p) -> CompletableFuture.completedFuture(node("{}")), TimeoutScheduler.using(executor),
                    RpcSettings.defaults());
            List<CompletableFuture<JsonNode>> results = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> callers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 50; n++) {
                    results.add(self[0].call("ClearCache", node("{}"), TIMEOUT).toCompletableFuture());
                }
            })).toList();
            for (Thread caller : callers) {
                caller.join();
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(results).hasSize(200);
            assertThat(worst).hasValue(1);
        } finally {
            executor.shutdownNow();
            charger.shutdownNow();
        }
    }

    private void waitForFrames(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sink.frames().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static Throwable failure(CompletionStage<JsonNode> stage) {
        CompletableFuture<JsonNode> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
