package io.chargebase.ocpp.rpc;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The charger's calls: checked, handled once per message id, answered once. See {@link RpcEndpoint}. */
final class IncomingCalls {

    private static final Logger log = LoggerFactory.getLogger(IncomingCalls.class);

    private final String name;
    private final SerialSink sink;
    private final FrameCodec codec;
    private final PayloadRules rules;
    private final CallHandler handler;

    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;
    private final Map<String, Call> inFlight = new HashMap<>();
    private final Map<String, Answered> answered;

    IncomingCalls(String name, SerialSink sink, FrameCodec codec, PayloadRules rules, CallHandler handler,
                  int answersRemembered) {
        this.name = name;
        this.sink = sink;
        this.codec = codec;
        this.rules = rules;
        this.handler = handler;
        this.answered = BoundedMap.keepingLast(answersRemembered);
    }

    void onCall(Call call) {
        if (!admit(call)) {
            return;
        }
        Optional<RpcError> rejected = rules.checkReceivedCall(call.action(), call.payload());
        if (rejected.isPresent()) {
            log.info("{}: {} ({}) rejected with {}: {}", name, call.action(), call.messageId(),
                    rejected.get().code().wireName(), rejected.get().description());
            finish(call, rejected.get().toCallError(call.messageId()));
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

    /** A frame that is not OCPP-J but is a CALL with a readable id. */
    void onMalformedCall(FramingFailure failure) {
        Optional<CallError> reply = failure.reply();
        if (reply.isEmpty()) {
            log.warn("{}: dropped a malformed frame: {}", name, failure.description());
            return;
        }
        log.warn("{}: answering a malformed frame with {}: {}", name, failure.errorCode().wireName(),
                failure.description());
        String frame = codec.encode(reply.get());
        lock.lock();
        try {
            // a CALL with this id is being handled: its answer is the only one the id may get
            if (!closed && !inFlight.containsKey(reply.get().messageId())) {
                sink.sendQuietly(frame, reply.get());
            }
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            answered.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Whether this call is new; a repeated id is dealt with here. */
    private boolean admit(Call call) {
        String id = call.messageId();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (inFlight.containsKey(id)) {
                log.info("{}: {} repeated message id {} while it is being handled; one answer will do for both",
                        name, call.action(), id);
                return false;
            }
            Answered done = answered.get(id);
            if (done != null) {
                if (done.call.action().equals(call.action()) && done.call.payload().equals(call.payload())) {
                    log.info("{}: {} retried with message id {}; sending the same answer again", name, call.action(), id);
                    sink.sendQuietly(done.frame, done.answer);
                } else {
                    log.warn("{}: message id {} reused by a different {} call", name, id, call.action());
                    CallError reused = RpcError.of(RpcErrorCode.PROTOCOL_ERROR, "Message id " + id + " was already used on this connection")
                            .toCallError(id);
                    sink.sendQuietly(codec.encode(reused), reused);
                }
                return false;
            }
            inFlight.put(id, call);
            return true;
        } finally {
            lock.unlock();
        }
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

    private void finish(Call call, RpcMessage answer) {
        String frame = codec.encode(answer);
        lock.lock();
        try {
            inFlight.remove(call.messageId());
            if (closed) {
                log.debug("{}: connection closed before {} ({}) was answered", name, call.action(), call.messageId());
                return;
            }
            answered.put(call.messageId(), new Answered(call, frame, answer));
            sink.sendQuietly(frame, answer);
        } finally {
            lock.unlock();
        }
    }

    private static CallError internalError(Call call) {
        return RpcError.of(RpcErrorCode.INTERNAL_ERROR, "Internal error while handling " + call.action())
                .toCallError(call.messageId());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Answered(Call call, String frame, RpcMessage answer) {
    }
}
