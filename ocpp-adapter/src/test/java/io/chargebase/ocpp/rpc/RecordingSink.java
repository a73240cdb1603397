package io.chargebase.ocpp.rpc;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the frames an endpoint sends, decoded. The endpoint says with every frame which message it encodes (so that a
 * transport logs it without reading it again): a frame sent without it, or with another message, fails the test.
 */
final class RecordingSink implements FrameSink {

    private final FrameCodec codec = new FrameCodec();
    private final List<String> frames = new ArrayList<>();

    @Override
    public void send(String frame) {
        throw new AssertionError("a frame sent without the message it encodes: " + frame);
    }

    @Override
    public synchronized void send(String frame, RpcMessage message) {
        if (!frame.equals(codec.encode(message))) {
            throw new AssertionError("frame " + frame + " sent as " + message);
        }
        frames.add(frame);
    }

    synchronized List<String> frames() {
        return List.copyOf(frames);
    }

    synchronized List<RpcMessage> messages() {
        return frames.stream().map(f -> ((Decoded.Message) codec.decode(f)).message()).toList();
    }

    synchronized RpcMessage last() {
        List<RpcMessage> all = messages();
        return all.isEmpty() ? null : all.getLast();
    }

    synchronized void clear() {
        frames.clear();
    }
}
