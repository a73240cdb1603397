package io.chargebase.ocpp.rpc;

import java.util.ArrayList;
import java.util.List;

/** Keeps the frames an endpoint sends, decoded. */
final class RecordingSink implements FrameSink {

    private final FrameCodec codec = new FrameCodec();
    private final List<String> frames = new ArrayList<>();

    @Override
    public synchronized void send(String frame) {
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
