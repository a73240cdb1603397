package io.chargebase.ocpp.rpc;

import java.util.Optional;

/**
 * The error codes a CALLERROR may carry (OCPP-J 1.6 §4.2.3, table 7), spelled as on the wire, typos included:
 * the OCPP-J 1.6 errata (§5.1, §5.2) keep "OccurenceConstraintViolation" and "FormationViolation" on purpose.
 */
public enum RpcErrorCode {
    NOT_IMPLEMENTED("NotImplemented"),
    NOT_SUPPORTED("NotSupported"),
    INTERNAL_ERROR("InternalError"),
    PROTOCOL_ERROR("ProtocolError"),
    SECURITY_ERROR("SecurityError"),
    FORMATION_VIOLATION("FormationViolation"),
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    GENERIC_ERROR("GenericError");

    private final String wireName;

    RpcErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Reads a received code. The corrected spellings that later OCPP versions use are accepted too, since a
     * charger built on a newer stack may send them; anything else is not a 1.6 code.
     */
    public static Optional<RpcErrorCode> fromWire(String name) {
        for (RpcErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return Optional.of(code);
            }
        }
        return switch (name) {
            case "OccurrenceConstraintViolation" -> Optional.of(OCCURENCE_CONSTRAINT_VIOLATION);
            case "FormatViolation" -> Optional.of(FORMATION_VIOLATION);
            default -> Optional.empty();
        };
    }
}
