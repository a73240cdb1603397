package io.chargebase.ocpp.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One OCPP-J connection, seen from the central system, without the transport: frames come in through
 * {@link #onFrame}, go out through a {@link FrameSink}. Thread-safe; frames reach the sink one at a time, and futures
 * are completed outside the endpoint's locks.
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

    private final FrameCodec codec;
    private final IncomingCalls incoming;
    private final OutgoingCalls outgoing;

    /**
     * @param name for logs, for example the tenant and charge point identity
     */
    public RpcEndpoint(String name, FrameSink sink, PayloadRules rules, CallHandler handler,
                       TimeoutScheduler scheduler, RpcSettings settings) {
        this(name, sink, rules, handler, scheduler, settings, () -> UUID.randomUUID().toString());
    }

    RpcEndpoint(String name, FrameSink sink, PayloadRules rules, CallHandler handler,
                TimeoutScheduler scheduler, RpcSettings settings, Supplier<String> messageIds) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
        SerialSink serialSink = new SerialSink(name, Objects.requireNonNull(sink, "sink"));
        this.codec = new FrameCodec(settings.maxFrameChars());
        this.incoming = new IncomingCalls(name, serialSink, codec, rules, Objects.requireNonNull(handler, "handler"),
                settings.answersRemembered());
        this.outgoing = new OutgoingCalls(name, serialSink, codec, rules, Objects.requireNonNull(scheduler, "scheduler"),
                Objects.requireNonNull(messageIds, "messageIds"), settings.timedOutIdsRemembered());
    }

    /** A text frame received from the charger. The handler may be called on this thread. */
    public void onFrame(String frame) {
        onFrame(codec.decode(frame));
    }

    /** A frame the transport has decoded already ({@link FrameCodec#decode}), to read it once. */
    public void onFrame(Decoded frame) {
        switch (frame) {
            case FramingFailure failure when failure.concernsResponse() -> outgoing.onMalformedAnswer(failure);
            case FramingFailure failure -> incoming.onMalformedCall(failure);
            case Decoded.Message(Call call) -> incoming.onCall(call);
            case Decoded.Message(CallResult result) -> outgoing.onResult(result);
            case Decoded.Message(CallError error) -> outgoing.onError(error);
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
        return outgoing.call(action, payload, timeout);
    }

    /** The connection is gone: calls waiting fail, answers still being prepared are dropped. Idempotent. */
    @Override
    public void close() {
        incoming.close();
        outgoing.close();
    }
}
