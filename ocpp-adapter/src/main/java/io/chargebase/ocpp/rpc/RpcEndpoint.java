package io.chargebase.ocpp.rpc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One OCPP-J connection, seen from the central system, without the transport: frames come in through
 * {@link #onFrame}, go out through a {@link FrameSink}. Thread-safe; the sink is called under the endpoint's lock,
 * so frames leave one at a time and in order, and futures are completed after the lock is released.
 *
 * <p><b>Calls received.</b> Each is decoded, checked by the {@link PayloadRules}, handed to the
 * {@link CallHandler}, and its result checked again before it is sent: a result that breaks the schema is logged
 * and answered with an InternalError, never sent malformed. A frame that is not OCPP-J is answered per
 * {@link FramingFailure#reply()}.
 *
 * <p><b>Repeated message ids.</b> OCPP-J 1.6 §4.1.4 makes a CALL's id unique on its connection, so a CALL whose id
 * is already known is a retry, and the handler runs once per id:
 * <ul>
 *   <li>while the first CALL with that id is still being handled, the repeat is dropped: the one answer that
 *       follows carries the id and so answers both;</li>
 *   <li>after it was answered (among the last {@link RpcSettings#answersRemembered()} answers), the same answer
 *       frame is sent again if the repeat has the same action and payload, so a charger that missed the answer is
 *       not made to start a second transaction; a repeat with a different action or payload reuses an id against
 *       §4.1.4 and is answered with a ProtocolError.</li>
 * </ul>
 *
 * <p><b>Calls sent.</b> {@link #call} checks the request, then queues it: only one CALL is outstanding at a time
 * (§4.1.1, per connection as errata §3.4 says), the rest wait in FIFO order. The timeout counts from when the CALL
 * is sent; when it passes, the call fails with {@link OutboundCallException.TimedOut} and the next one goes. A
 * CALLRESULT or CALLERROR is matched by id; one that comes after its call timed out is logged and dropped, one with
 * an id never sent is logged and ignored. {@link #close()} fails every call still waiting.
 */
public final class RpcEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);

    private final String name;
    private final FrameSink sink;
    private final PayloadRules rules;
    private final CallHandler handler;
    private final TimeoutScheduler scheduler;
    private final FrameCodec codec;
    private final Supplier<String> messageIds;

    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;
    private final Map<String, Call> inFlight = new HashMap<>();
    private final Map<String, Answered> answered;
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    private Outbound outstanding;
    private final Map<String, String> timedOutActions;

    /**
     * @param name for logs, for example the tenant and charge point identity
     */
    public RpcEndpoint(String name, FrameSink sink, PayloadRules rules, CallHandler handler,
                       TimeoutScheduler scheduler, RpcSettings settings) {
        this(name, sink, rules, handler, scheduler, settings, () -> UUID.randomUUID().toString());
    }

    RpcEndpoint(String name, FrameSink sink, PayloadRules rules, CallHandler handler,
                TimeoutScheduler scheduler, RpcSettings settings, Supplier<String> messageIds) {
        this.name = Objects.requireNonNull(name, "name");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.codec = new FrameCodec(settings.maxFrameChars());
        this.messageIds = Objects.requireNonNull(messageIds, "messageIds");
        this.answered = boundedMap(settings.answersRemembered());
        this.timedOutActions = boundedMap(settings.timedOutIdsRemembered());
    }

    /** A text frame received from the charger. */
    public void onFrame(String frame) {
        switch (codec.decode(frame)) {
            case FramingFailure failure -> onFramingFailure(failure);
            case Decoded.Message(Call call) -> onCall(call);
            case Decoded.Message(CallResult result) -> onAnswer(result.messageId(), result, null);
            case Decoded.Message(CallError error) -> onAnswer(error.messageId(), null, error);
        }
    }

    /**
     * Sends a CALL once every earlier one has been answered or has timed out. The stage fails with an
     * {@link OutboundCallException}; cancelling it while the call is still queued keeps it from being sent.
     */
    public CompletionStage<JsonNode> call(String action, JsonNode payload, Duration timeout) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A call needs a positive timeout");
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        Optional<RpcError> invalid = rules.checkCallToSend(action, payload);
        if (invalid.isPresent()) {
            log.warn("{}: {} not sent, its request breaks the rules: {}", name, action, invalid.get().description());
            result.completeExceptionally(new OutboundCallException.InvalidPayload(action, invalid.get(), false));
            return result;
        }
        Outbound call = new Outbound(new Call(messageIds.get(), action, payload), timeout, result);
        locked(after -> {
            if (closed) {
                after.add(() -> result.completeExceptionally(new OutboundCallException.EndpointClosed(action)));
                return;
            }
            queue.add(call);
            sendNextCall(after);
        });
        return result;
    }

    /** The connection is gone: calls waiting fail, answers still being prepared are dropped. Idempotent. */
    @Override
    public void close() {
        locked(after -> {
            if (closed) {
                return;
            }
            closed = true;
            List<Outbound> pending = new ArrayList<>(queue);
            queue.clear();
            if (outstanding != null) {
                outstanding.cancelTimer();
                pending.addFirst(outstanding);
                outstanding = null;
            }
            answered.clear();
            for (Outbound call : pending) {
                after.add(() -> call.result.completeExceptionally(
                        new OutboundCallException.EndpointClosed(call.call.action())));
            }
        });
    }

    private void onFramingFailure(FramingFailure failure) {
        if (failure.concernsResponse()) {
            failOutstandingOnMalformedAnswer(failure);
            return;
        }
        Optional<CallError> reply = failure.reply();
        if (reply.isEmpty()) {
            log.warn("{}: dropped a frame whose message id cannot be read: {}", name, failure.description());
            return;
        }
        log.warn("{}: answering a malformed frame with {}: {}", name, failure.errorCode().wireName(),
                failure.description());
        String frame = codec.encode(reply.get());
        locked(after -> {
            if (closed || inFlight.containsKey(reply.get().messageId())) {
                return;
            }
            send(frame);
        });
    }

    private void failOutstandingOnMalformedAnswer(FramingFailure failure) {
        String messageId = failure.messageId().orElse(null);
        locked(after -> {
            if (messageId != null && outstanding != null && outstanding.call.messageId().equals(messageId)) {
                Outbound call = takeOutstanding(after);
                RpcError error = RpcError.of(failure.errorCode(), failure.description());
                log.warn("{}: malformed answer to {}: {}", name, call.call.action(), failure.description());
                after.add(() -> call.result.completeExceptionally(
                        new OutboundCallException.InvalidPayload(call.call.action(), error, true)));
            } else {
                log.warn("{}: dropped a malformed answer (message id {}): {}", name, messageId, failure.description());
            }
        });
    }

    private void onCall(Call call) {
        String id = call.messageId();
        boolean[] fresh = {false};
        locked(after -> {
            if (closed) {
                return;
            }
            Call first = inFlight.get(id);
            if (first != null) {
                log.info("{}: {} repeated message id {} while it is being handled; one answer will do for both",
                        name, call.action(), id);
                return;
            }
            Answered done = answered.get(id);
            if (done != null) {
                if (done.call.action().equals(call.action()) && done.call.payload().equals(call.payload())) {
                    log.info("{}: {} retried with message id {}; sending the same answer again", name, call.action(), id);
                    send(done.frame);
                } else {
                    log.warn("{}: message id {} reused by a different {} call", name, id, call.action());
                    send(codec.encode(RpcError.of(RpcErrorCode.PROTOCOL_ERROR,
                            "Message id " + id + " was already used on this connection").toCallError(id)));
                }
                return;
            }
            inFlight.put(id, call);
            fresh[0] = true;
        });
        if (!fresh[0]) {
            return;
        }
        Optional<RpcError> rejected = rules.checkReceivedCall(call.action(), call.payload());
        if (rejected.isPresent()) {
            log.info("{}: {} ({}) rejected with {}: {}", name, call.action(), id, rejected.get().code().wireName(),
                    rejected.get().description());
            finish(call, rejected.get().toCallError(id));
            return;
        }
        CompletionStage<JsonNode> handled;
        try {
            handled = Objects.requireNonNull(handler.handle(call.action(), call.payload()), "handler returned null");
        } catch (Exception e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((response, failure) -> finish(call, answerTo(call, response, failure)));
    }

    private RpcMessage answerTo(Call call, JsonNode response, Throwable failure) {
        String id = call.messageId();
        try {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof CallErrorException error) {
                    return error.error().toCallError(id);
                }
                log.error("{}: handling {} ({}) failed", name, call.action(), id, cause);
                return internalError(call);
            }
            if (response == null || !response.isObject()) {
                log.error("{}: handler answered {} ({}) with {} instead of an object", name, call.action(), id, response);
                return internalError(call);
            }
            Optional<RpcError> invalid = rules.checkResultToSend(call.action(), response);
            if (invalid.isPresent()) {
                log.error("{}: result of {} ({}) breaks its schema and is not sent: {} {}", name, call.action(), id,
                        invalid.get().description(), invalid.get().details());
                return internalError(call);
            }
            return new CallResult(id, response);
        } catch (RuntimeException e) {
            log.error("{}: answering {} ({}) failed", name, call.action(), id, e);
            return internalError(call);
        }
    }

    private static CallError internalError(Call call) {
        return RpcError.of(RpcErrorCode.INTERNAL_ERROR, "Internal error while handling " + call.action())
                .toCallError(call.messageId());
    }

    private void finish(Call call, RpcMessage answer) {
        String frame = codec.encode(answer);
        locked(after -> {
            inFlight.remove(call.messageId());
            if (closed) {
                log.debug("{}: connection closed before {} ({}) was answered", name, call.action(), call.messageId());
                return;
            }
            answered.put(call.messageId(), new Answered(call, frame));
            send(frame);
        });
    }

    private void onAnswer(String messageId, CallResult result, CallError error) {
        Outbound[] matched = {null};
        locked(after -> {
            if (outstanding != null && outstanding.call.messageId().equals(messageId)) {
                matched[0] = takeOutstanding(after);
            } else if (timedOutActions.containsKey(messageId)) {
                log.info("{}: dropped a late answer to {} ({}), which had timed out", name,
                        timedOutActions.get(messageId), messageId);
            } else {
                log.warn("{}: ignored an answer to unknown message id {}", name, messageId);
            }
        });
        Outbound call = matched[0];
        if (call == null) {
            return;
        }
        String action = call.call.action();
        if (error != null) {
            call.result.completeExceptionally(new OutboundCallException.Rejected(action, error));
            return;
        }
        Optional<RpcError> invalid;
        try {
            invalid = rules.checkReceivedResult(action, result.payload());
        } catch (RuntimeException e) {
            call.result.completeExceptionally(e);
            return;
        }
        if (invalid.isPresent()) {
            log.warn("{}: result of {} ({}) breaks its schema: {}", name, action, messageId, invalid.get().description());
            call.result.completeExceptionally(new OutboundCallException.InvalidPayload(action, invalid.get(), true));
        } else {
            call.result.complete(result.payload());
        }
    }

    private void onTimeout(Outbound call) {
        locked(after -> {
            if (outstanding != call) {
                return;
            }
            takeOutstanding(after);
            timedOutActions.put(call.call.messageId(), call.call.action());
            log.warn("{}: {} ({}) timed out after {}", name, call.call.action(), call.call.messageId(), call.timeout);
            after.add(() -> call.result.completeExceptionally(new OutboundCallException.TimedOut(
                    call.call.action(), call.call.messageId(), call.timeout)));
        });
    }

    /** Frees the slot and sends what waits. Lock held. */
    private Outbound takeOutstanding(List<Runnable> after) {
        Outbound call = outstanding;
        call.cancelTimer();
        outstanding = null;
        sendNextCall(after);
        return call;
    }

    /** Lock held. */
    private void sendNextCall(List<Runnable> after) {
        while (outstanding == null && !queue.isEmpty()) {
            Outbound next = queue.poll();
            if (next.result.isDone()) {
                continue;
            }
            try {
                sink.send(codec.encode(next.call));
            } catch (RuntimeException e) {
                log.warn("{}: could not send {} ({})", name, next.call.action(), next.call.messageId(), e);
                after.add(() -> next.result.completeExceptionally(
                        new OutboundCallException.NotSent(next.call.action(), e)));
                continue;
            }
            outstanding = next;
            next.timer = scheduler.schedule(next.timeout, () -> onTimeout(next));
        }
    }

    /** Lock held. */
    private void send(String frame) {
        try {
            sink.send(frame);
        } catch (RuntimeException e) {
            log.warn("{}: could not send an answer", name, e);
        }
    }

    private void locked(Consumer<List<Runnable>> body) {
        List<Runnable> after = new ArrayList<>(2);
        lock.lock();
        try {
            body.accept(after);
        } finally {
            lock.unlock();
        }
        after.forEach(Runnable::run);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static <V> Map<String, V> boundedMap(int capacity) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private record Answered(Call call, String frame) {
    }

    private static final class Outbound {

        final Call call;
        final Duration timeout;
        final CompletableFuture<JsonNode> result;
        TimeoutScheduler.Cancellable timer;

        Outbound(Call call, Duration timeout, CompletableFuture<JsonNode> result) {
            this.call = call;
            this.timeout = timeout;
            this.result = result;
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel();
            }
        }
    }
}
