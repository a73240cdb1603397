package io.chargebase.ocpp.v16;

import io.chargebase.ocpp.rpc.PayloadRules;
import io.chargebase.ocpp.rpc.RpcError;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCPP 1.6 as the central system applies it: charge points may send only the actions they initiate, the central
 * system only its own, and every request and result must pass its OCA schema.
 *
 * <ul>
 *   <li>An action that OCPP 1.6 does not have: NotImplemented ("Requested Action is not known by receiver").</li>
 *   <li>An action that exists but goes the other way (a charge point sending Reset): NotSupported ("Requested
 *       Action is recognized but not supported by the receiver").</li>
 *   <li>Schema violations: see {@link Schemas16}. When a payload breaks several rules, the most basic one is
 *       reported: FormationViolation, then OccurenceConstraintViolation, then TypeConstraintViolation, then
 *       PropertyConstraintViolation; the details list every violation (up to {@value #MAX_LISTED}).</li>
 * </ul>
 */
public final class CentralSystemRules16 implements PayloadRules {

    static final int MAX_LISTED = 10;

    private static final List<RpcErrorCode> SEVERITY = List.of(
            RpcErrorCode.FORMATION_VIOLATION,
            RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
            RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
            RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);

    private final Schemas16 schemas;

    public CentralSystemRules16(Schemas16 schemas) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    public CentralSystemRules16() {
        this(Schemas16.shared());
    }

    @Override
    public Optional<RpcError> checkReceivedCall(String action, JsonNode payload) {
        return checkRequest(action, payload, Initiator.CHARGE_POINT);
    }

    @Override
    public Optional<RpcError> checkCallToSend(String action, JsonNode payload) {
        return checkRequest(action, payload, Initiator.CENTRAL_SYSTEM);
    }

    @Override
    public Optional<RpcError> checkReceivedResult(String action, JsonNode payload) {
        return checkResult(action, payload);
    }

    @Override
    public Optional<RpcError> checkResultToSend(String action, JsonNode payload) {
        return checkResult(action, payload);
    }

    private Optional<RpcError> checkRequest(String actionName, JsonNode payload, Initiator sender) {
        Optional<Action16> known = Action16.fromName(actionName);
        if (known.isEmpty()) {
            return Optional.of(RpcError.of(RpcErrorCode.NOT_IMPLEMENTED, "Unknown action " + actionName));
        }
        Action16 action = known.get();
        if (!action.canBeSentBy(sender)) {
            return Optional.of(RpcError.of(RpcErrorCode.NOT_SUPPORTED,
                    actionName + " is not sent by the " + (sender == Initiator.CHARGE_POINT ? "charge point" : "central system")));
        }
        return toError(actionName + " request", schemas.checkRequest(action, payload));
    }

    private Optional<RpcError> checkResult(String actionName, JsonNode payload) {
        Optional<Action16> known = Action16.fromName(actionName);
        if (known.isEmpty()) {
            return Optional.of(RpcError.of(RpcErrorCode.NOT_IMPLEMENTED, "Unknown action " + actionName));
        }
        return toError(actionName + " result", schemas.checkResponse(known.get(), payload));
    }

    private static Optional<RpcError> toError(String what, List<SchemaViolation> violations) {
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        List<SchemaViolation> ordered = violations.stream()
                .sorted(Comparator.comparingInt(v -> severity(v.code())))
                .toList();
        SchemaViolation first = ordered.getFirst();
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        ArrayNode listed = details.putArray("violations");
        ordered.stream().limit(MAX_LISTED).forEach(v -> listed.addObject()
                .put("path", v.path())
                .put("keyword", v.keyword())
                .put("message", v.message()));
        return Optional.of(new RpcError(first.code(), what + " breaks its schema at " + first.path() + ": "
                + first.message(), details));
    }

    private static int severity(RpcErrorCode code) {
        int index = SEVERITY.indexOf(code);
        return index < 0 ? SEVERITY.size() : index;
    }
}
