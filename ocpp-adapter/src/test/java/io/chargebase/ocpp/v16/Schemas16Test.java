package io.chargebase.ocpp.v16;

import static io.chargebase.ocpp.Json.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.chargebase.ocpp.rpc.RpcErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class Schemas16Test {

    private final Schemas16 schemas = Schemas16.shared();

    @Test
    void acceptsAValidRequestAndResponse() {
        assertThat(schemas.checkRequest(Action16.BOOT_NOTIFICATION, aBootNotification())).isEmpty();
        assertThat(schemas.checkResponse(Action16.BOOT_NOTIFICATION,
                node("{'status': 'Accepted', 'currentTime': '2026-11-25T10:00:00Z', 'interval': 300}"))).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsAnOccurrenceViolation() {
        ObjectNode payload = aBootNotification();
        payload.remove("chargePointVendor");

        assertThat(only(schemas.checkRequest(Action16.BOOT_NOTIFICATION, payload)))
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
                    assertThat(v.keyword()).isEqualTo("required");
                    assertThat(v.path()).isEqualTo("$.chargePointVendor");
                });
    }

    @Test
    void aWrongTypeIsATypeViolation() {
        ObjectNode payload = aBootNotification();
        payload.put("chargePointVendor", 12);

        assertThat(only(schemas.checkRequest(Action16.BOOT_NOTIFICATION, payload)).code())
                .isEqualTo(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION);
    }

    @Test
    void anIntegerWrittenAsADecimalIsStillAnInteger() {
        assertThat(schemas.checkResponse(Action16.BOOT_NOTIFICATION,
                node("{'status': 'Accepted', 'currentTime': '2026-11-25T10:00:00Z', 'interval': 300.0}"))).isEmpty();
        assertThat(only(schemas.checkResponse(Action16.BOOT_NOTIFICATION,
                node("{'status': 'Accepted', 'currentTime': '2026-11-25T10:00:00Z', 'interval': 300.5}"))).code())
                .isEqualTo(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION);
    }

    @Test
    void aBadDateTimeIsATypeViolation() {
        assertThat(only(schemas.checkResponse(Action16.HEARTBEAT, node("{'currentTime': 'yesterday'}"))).code())
                .isEqualTo(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION);
    }

    @Test
    void aTooLongStringIsAPropertyViolation() {
        ObjectNode payload = aBootNotification();
        payload.put("chargePointVendor", "v".repeat(21));

        assertThat(only(schemas.checkRequest(Action16.BOOT_NOTIFICATION, payload)).code())
                .isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    }

    @Test
    void aValueOutsideTheEnumIsAPropertyViolation() {
        assertThat(only(schemas.checkRequest(Action16.STATUS_NOTIFICATION,
                node("{'connectorId': 1, 'errorCode': 'NoError', 'status': 'Sleeping'}"))).code())
                .isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    }

    @Test
    void aLimitThatIsNotAMultipleOfATenthIsAPropertyViolation() {
        String profile = """
                {'connectorId': 1, 'csChargingProfiles': {'chargingProfileId': 1, 'stackLevel': 0,
                 'chargingProfilePurpose': 'TxDefaultProfile', 'chargingProfileKind': 'Absolute',
                 'chargingSchedule': {'chargingRateUnit': 'A',
                   'chargingSchedulePeriod': [{'startPeriod': 0, 'limit': LIMIT}]}}}""";

        assertThat(schemas.checkRequest(Action16.SET_CHARGING_PROFILE, node(profile.replace("LIMIT", "16.3")))).isEmpty();
        assertThat(only(schemas.checkRequest(Action16.SET_CHARGING_PROFILE, node(profile.replace("LIMIT", "16.35"))))
                .code()).isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    }

    @Test
    void anUnknownFieldIsAFormationViolation() {
        ObjectNode payload = aBootNotification();
        payload.put("colour", "green");

        assertThat(only(schemas.checkRequest(Action16.BOOT_NOTIFICATION, payload)).code())
                .isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
    }

    @Test
    void aPayloadThatIsNotAnObjectIsAFormationViolation() {
        assertThat(only(schemas.checkRequest(Action16.HEARTBEAT, node("[]"))).code())
                .isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
    }

    @Test
    void acceptsCelsiusBesideTheSchemasCelcius() {
        String meterValues = """
                {'connectorId': 1, 'meterValue': [{'timestamp': '2026-11-25T10:00:00Z',
                 'sampledValue': [{'value': '21.5', 'measurand': 'Temperature', 'unit': 'UNIT'}]}]}""";

        assertThat(schemas.checkRequest(Action16.METER_VALUES, node(meterValues.replace("UNIT", "Celsius")))).isEmpty();
        assertThat(schemas.checkRequest(Action16.METER_VALUES, node(meterValues.replace("UNIT", "Celcius")))).isEmpty();
        assertThat(only(schemas.checkRequest(Action16.METER_VALUES, node(meterValues.replace("UNIT", "Kelvin")))).code())
                .isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    }

    @Test
    void stopTransactionNeedsNoReason() {
        assertThat(schemas.checkRequest(Action16.STOP_TRANSACTION,
                node("{'transactionId': 7, 'timestamp': '2026-11-25T10:00:00Z', 'meterStop': 1200}"))).isEmpty();
    }

    @Test
    void isSafeToUseFromManyThreads() throws Exception {
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = java.util.stream.IntStream.range(0, 8).mapToObj(i -> Thread.ofPlatform().start(() -> {
            for (int n = 0; n < 500; n++) {
                ObjectNode payload = aBootNotification();
                if (n % 2 == 0) {
                    payload.remove("chargePointModel");
                }
                int expected = n % 2 == 0 ? 1 : 0;
                if (schemas.checkRequest(Action16.BOOT_NOTIFICATION, payload).size() != expected) {
                    failures.incrementAndGet();
                }
            }
        })).toList();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).hasValue(0);
    }

    static ObjectNode aBootNotification() {
        return (ObjectNode) node("{'chargePointVendor': 'VendorX', 'chargePointModel': 'SingleSocketCharger'}");
    }

    private static SchemaViolation only(List<SchemaViolation> violations) {
        assertThat(violations).hasSize(1);
        return violations.getFirst();
    }
}
