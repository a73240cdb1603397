package io.chargebase.ocpp.rpc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The central system's calls: one outstanding, the rest queued in order, each with its timeout. See
 * {@link RpcEndpoint}. Futures are completed after the lock is released, so their callbacks may call again.
 */
final class OutgoingCalls {

    private static final Logger log = LoggerFactory.getLogger(OutgoingCalls.class);

    private final String name;
    private final SerialSink sink;
    private final FrameCodec codec;
    private final PayloadRules rules;
    private final TimeoutScheduler scheduler;
    private final Supplier<String> messageIds;

    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    private Outbound outstanding;
    private final Map<String, String> timedOutActions;

    OutgoingCalls(String name, SerialSink sink, FrameCodec codec, PayloadRules rules, TimeoutScheduler scheduler,
                  Supplier<String> messageIds, int timedOutIdsRemembered) {
        this.name = name;
        this.sink = sink;
        this.codec = codec;
        this.rules = rules;
        this.scheduler = scheduler;
        this.messageIds = messageIds;
        this.timedOutActions = BoundedMap.keepingLast(timedOutIdsRemembered);
    }

    CompletableFuture<JsonNode> call(String action, JsonNode payload, Duration timeout) {
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
            sendNext(after);
        });
        return result;
    }

    void onResult(CallResult result) {
        Outbound call = take(result.messageId());
        if (call == null) {
            return;
        }
        String action = call.call.action();
        Optional<RpcError> invalid;
        try {
            invalid = rules.checkReceivedResult(action, result.payload());
        } catch (RuntimeException e) {
            call.result.completeExceptionally(e);
            return;
        }
        if (invalid.isPresent()) {
            log.warn("{}: result of {} ({}) breaks its schema: {}", name, action, result.messageId(),
                    invalid.get().description());
            call.result.completeExceptionally(new OutboundCallException.InvalidPayload(action, invalid.get(), true));
        } else {
            call.result.complete(result.payload());
        }
    }

    void onError(CallError error) {
        Outbound call = take(error.messageId());
        if (call != null) {
            call.result.completeExceptionally(new OutboundCallException.Rejected(call.call.action(), error));
        }
    }

    /** A CALLRESULT or CALLERROR that is not OCPP-J: it fails the call it names, if that call is outstanding. */
    void onMalformedAnswer(FramingFailure failure) {
        String messageId = failure.messageId().orElse(null);
        Outbound call = messageId == null ? null : take(messageId);
        if (call == null) {
            log.warn("{}: dropped a malformed answer (message id {}): {}", name, messageId, failure.description());
            return;
        }
        log.warn("{}: malformed answer to {}: {}", name, call.call.action(), failure.description());
        call.result.completeExceptionally(new OutboundCallException.InvalidPayload(call.call.action(),
                RpcError.of(failure.errorCode(), failure.description()), true));
    }

    void close() {
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
            for (Outbound call : pending) {
                after.add(() -> call.result.completeExceptionally(
                        new OutboundCallException.EndpointClosed(call.call.action())));
            }
        });
    }

    /** The outstanding call with this id, its slot freed for the next; else logs why the answer is dropped. */
    private Outbound take(String messageId) {
        Outbound[] taken = {null};
        locked(after -> {
            if (outstanding != null && outstanding.call.messageId().equals(messageId)) {
                taken[0] = freeSlot(after);
            } else if (timedOutActions.containsKey(messageId)) {
                log.info("{}: dropped a late answer to {} ({}), which had timed out", name,
                        timedOutActions.get(messageId), messageId);
            } else {
                log.warn("{}: ignored an answer to unknown message id {}", name, messageId);
            }
        });
        return taken[0];
    }

    private void onTimeout(Outbound call) {
        locked(after -> {
            if (outstanding != call) {
                return;
            }
            freeSlot(after);
            timedOutActions.put(call.call.messageId(), call.call.action());
            log.warn("{}: {} ({}) timed out after {}", name, call.call.action(), call.call.messageId(), call.timeout);
            after.add(() -> call.result.completeExceptionally(new OutboundCallException.TimedOut(
                    call.call.action(), call.call.messageId(), call.timeout)));
        });
    }

    /** Lock held. */
    private Outbound freeSlot(List<Runnable> after) {
        Outbound call = outstanding;
        call.cancelTimer();
        outstanding = null;
        sendNext(after);
        return call;
    }

    /** Lock held. */
    private void sendNext(List<Runnable> after) {
        while (outstanding == null && !queue.isEmpty()) {
            Outbound next = queue.poll();
            if (next.result.isDone()) {
                continue;
            }
            // Outstanding before it is sent: a sink that delivers the answer on this same thread finds it.
            outstanding = next;
            try {
                sink.send(codec.encode(next.call), next.call);
            } catch (RuntimeException e) {
                outstanding = null;
                log.warn("{}: could not send {} ({})", name, next.call.action(), next.call.messageId(), e);
                after.add(() -> next.result.completeExceptionally(
                        new OutboundCallException.NotSent(next.call.action(), e)));
                continue;
            }
            if (outstanding == next) {
                next.timer = scheduler.schedule(next.timeout, () -> onTimeout(next));
            }
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
