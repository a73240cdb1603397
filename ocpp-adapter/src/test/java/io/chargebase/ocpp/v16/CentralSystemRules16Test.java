package io.chargebase.ocpp.v16;

import static io.chargebase.ocpp.Json.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.chargebase.ocpp.rpc.RpcError;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CentralSystemRules16Test {

    private final CentralSystemRules16 rules = new CentralSystemRules16();

    @Test
    void acceptsAValidCallFromAChargePoint() {
        assertThat(rules.checkReceivedCall("Heartbeat", node("{}"))).isEmpty();
    }

    @Test
    void anUnknownActionIsNotImplemented() {
        assertThat(code(rules.checkReceivedCall("GetVariables", node("{}")))).isEqualTo(RpcErrorCode.NOT_IMPLEMENTED);
    }

    @Test
    void anActionGoingTheOtherWayIsNotSupported() {
        assertThat(code(rules.checkReceivedCall("Reset", node("{'type': 'Hard'}")))).isEqualTo(RpcErrorCode.NOT_SUPPORTED);
        assertThat(code(rules.checkCallToSend("Heartbeat", node("{}")))).isEqualTo(RpcErrorCode.NOT_SUPPORTED);
    }

    @Test
    void dataTransferGoesBothWays() {
        assertThat(rules.checkReceivedCall("DataTransfer", node("{'vendorId': 'v'}"))).isEmpty();
        assertThat(rules.checkCallToSend("DataTransfer", node("{'vendorId': 'v'}"))).isEmpty();
    }

    @Test
    void checksResultsBothWays() {
        assertThat(rules.checkResultToSend("Heartbeat", node("{'currentTime': '2026-11-25T10:00:00Z'}"))).isEmpty();
        assertThat(code(rules.checkResultToSend("Heartbeat", node("{}"))))
                .isEqualTo(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
        assertThat(code(rules.checkReceivedResult("Reset", node("{'status': 'Maybe'}"))))
                .isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    }

    @Test
    void reportsTheMostBasicViolationAndListsThemAll() {
        Optional<RpcError> error = rules.checkReceivedCall("StatusNotification",
                node("{'connectorId': 'one', 'status': 'Sleeping', 'extra': true}"));

        assertThat(error).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
            assertThat(e.description()).startsWith("StatusNotification request breaks its schema at $");
            assertThat(e.details().get("violations").size()).isEqualTo(4);
        });
    }

    @Test
    void occurrenceComesBeforeTypeAndProperty() {
        Optional<RpcError> error = rules.checkReceivedCall("StatusNotification",
                node("{'connectorId': 'one', 'status': 'Sleeping'}"));

        assertThat(code(error)).isEqualTo(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
        assertThat(error.get().description()).contains("$.errorCode");
    }

    @Test
    void typeComesBeforeProperty() {
        assertThat(code(rules.checkReceivedCall("StatusNotification",
                node("{'connectorId': 'one', 'errorCode': 'NoError', 'status': 'Sleeping'}"))))
                .isEqualTo(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION);
    }

    private static RpcErrorCode code(Optional<RpcError> error) {
        assertThat(error).isPresent();
        return error.get().code();
    }
}
