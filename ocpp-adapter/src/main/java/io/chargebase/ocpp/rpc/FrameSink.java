package io.chargebase.ocpp.rpc;

/**
 * Where an endpoint's outgoing text frames go: the transport's side of the connection. The endpoint calls it from
 * one thread at a time, in the order the frames must go out, so it should hand the frame over rather than block.
 * A send that throws is logged by the endpoint; the transport is expected to close the connection.
 */
@FunctionalInterface
public interface FrameSink {

    void send(String frame);

    /**
     * The frame and the message it encodes: a transport that also records what it sends (a communication log) need
     * not read its own frame again. By default, the frame alone.
     */
    default void send(String frame, RpcMessage message) {
        send(frame);
    }
}
