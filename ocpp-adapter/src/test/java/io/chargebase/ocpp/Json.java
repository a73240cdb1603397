package io.chargebase.ocpp;

import io.chargebase.ocpp.rpc.FrameCodec;
import tools.jackson.databind.JsonNode;

/** Test JSON written with single quotes, so that it reads without escapes. */
public final class Json {

    private Json() {
    }

    public static String text(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static JsonNode node(String singleQuoted) {
        return FrameCodec.mapper().readTree(text(singleQuoted));
    }
}
