package io.chargebase.ocpp.rpc;

import java.util.Objects;

/** What {@link FrameCodec#decode} made of a text frame: a message, or a {@link FramingFailure}. */
public sealed interface Decoded permits Decoded.Message, FramingFailure {

    record Message(RpcMessage message) implements Decoded {

        public Message {
            Objects.requireNonNull(message, "message");
        }
    }
}
