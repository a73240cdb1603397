package io.chargebase.ocpp.v16;

import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import io.chargebase.ocpp.rpc.PayloadRules;
import io.chargebase.ocpp.rpc.RpcError;

/**
 * The same rules seen from the charger's side, for simulated chargers and tests: the calls it receives are the
 * ones a central system sends, and the other way round. Answers are checked alike on both sides.
 */
public final class ChargePointRules16 implements PayloadRules {

    private final CentralSystemRules16 centralSystem;

    public ChargePointRules16(CentralSystemRules16 centralSystem) {
        this.centralSystem = Objects.requireNonNull(centralSystem, "centralSystem");
    }

    public ChargePointRules16() {
        this(new CentralSystemRules16());
    }

    @Override
    public Optional<RpcError> checkReceivedCall(String action, JsonNode payload) {
        return centralSystem.checkCallToSend(action, payload);
    }

    @Override
    public Optional<RpcError> checkCallToSend(String action, JsonNode payload) {
        return centralSystem.checkReceivedCall(action, payload);
    }

    @Override
    public Optional<RpcError> checkReceivedResult(String action, JsonNode payload) {
        return centralSystem.checkReceivedResult(action, payload);
    }

    @Override
    public Optional<RpcError> checkResultToSend(String action, JsonNode payload) {
        return centralSystem.checkResultToSend(action, payload);
    }
}
