package io.chargebase.ocpp.rpc;

/**
 * Limits of one endpoint.
 *
 * @param maxFrameChars  frames longer than this are refused unread (the transport should enforce a similar limit
 *                       on the WebSocket message itself, so that such a frame is never buffered whole)
 * @param answersRemembered how many of the last answered CALLs are kept to recognise a retried message id
 * @param timedOutIdsRemembered how many ids of timed-out calls are kept to tell a late answer from an unknown one
 */
public record RpcSettings(int maxFrameChars, int answersRemembered, int timedOutIdsRemembered) {

    public RpcSettings {
        if (answersRemembered < 0 || timedOutIdsRemembered < 0) {
            throw new IllegalArgumentException("Remembered counts cannot be negative");
        }
    }

    public static RpcSettings defaults() {
        return new RpcSettings(FrameCodec.DEFAULT_MAX_FRAME_CHARS, 32, 32);
    }

    public RpcSettings withMaxFrameChars(int chars) {
        return new RpcSettings(chars, answersRemembered, timedOutIdsRemembered);
    }
}
