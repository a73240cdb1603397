package io.chargebase.ocpp.rpc;

import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands frames to the transport one at a time, so answers and calls never interleave inside the sink. */
final class SerialSink {

    private static final Logger log = LoggerFactory.getLogger(SerialSink.class);

    private final String name;
    private final FrameSink sink;
    private final ReentrantLock lock = new ReentrantLock();

    SerialSink(String name, FrameSink sink) {
        this.name = name;
        this.sink = sink;
    }

    /** {@code message}: what {@code frame} encodes. Throws what the transport throws. */
    void send(String frame, RpcMessage message) {
        lock.lock();
        try {
            sink.send(frame, message);
        } finally {
            lock.unlock();
        }
    }

    /** For answers: a failed send is logged, since there is nobody to tell. */
    void sendQuietly(String frame, RpcMessage message) {
        try {
            send(frame, message);
        } catch (RuntimeException e) {
            log.warn("{}: could not send an answer", name, e);
        }
    }
}
