package io.chargebase.ocpp.v16;

import io.chargebase.ocpp.rpc.RpcErrorCode;
import java.util.Objects;

/**
 * One way a payload breaks its OCA schema, already classified as the CALLERROR code it deserves.
 *
 * @param code    see {@link Schemas16} for how schema keywords map to codes
 * @param path    where in the payload, as a JSON path ({@code $.idTagInfo.status})
 * @param keyword the schema keyword that failed ({@code required}, {@code type}, {@code enum}, ...)
 * @param message the validator's explanation
 */
public record SchemaViolation(RpcErrorCode code, String path, String keyword, String message) {

    public SchemaViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }
}
