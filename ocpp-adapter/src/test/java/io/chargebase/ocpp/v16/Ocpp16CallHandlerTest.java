package io.chargebase.ocpp.v16;

import static io.chargebase.ocpp.Json.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.ocpp.rpc.CallErrorException;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import io.chargebase.tenancy.TenantId;
import tools.jackson.databind.JsonNode;

class Ocpp16CallHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123456Z");

    private final Recording events = new Recording();
    private final ChargerRef charger = new ChargerRef(new TenantId(UUID.randomUUID()), UUID.randomUUID(), "CP-1");
    private final Ocpp16CallHandler handler = new Ocpp16CallHandler(events, charger);
    private final CentralSystemRules16 rules = new CentralSystemRules16();

    @Test
    void bootNotificationIsAcceptedWithTheIntervalInSeconds() {
        JsonNode answer = handle("BootNotification", "{'chargePointVendor': 'ACME', 'chargePointModel': 'X1', 'firmwareVersion': '1.2'}");

        assertThat(answer).isEqualTo(node("{'status': 'Accepted', 'currentTime': '2026-11-25T10:15:30.123Z', 'interval': 300}"));
        assertThat(events.calls).containsExactly(new ChargerEvents.BootInfo("ACME", "X1", null, null, "1.2", null, null, null, null));
    }

    @Test
    void aRejectedChargerMayOnlyBootAgain() {
        events.bootAnswer = ChargerEvents.RegistrationStatus.REJECTED;
        assertThat(handle("BootNotification", "{'chargePointVendor': 'ACME', 'chargePointModel': 'X1'}").path("status").asString())
                .isEqualTo("Rejected");
        assertSecurityError("Heartbeat", "{}");
        assertSecurityError("StatusNotification", "{'connectorId': 0, 'errorCode': 'NoError', 'status': 'Available'}");
        events.bootAnswer = ChargerEvents.RegistrationStatus.ACCEPTED;
        handle("BootNotification", "{'chargePointVendor': 'ACME', 'chargePointModel': 'X1'}");
        assertThat(handle("Heartbeat", "{}").has("currentTime")).isTrue();
    }

    @Test
    void aPendingChargerMayBootAndSendHeartbeatsOnly() {
        events.bootAnswer = ChargerEvents.RegistrationStatus.PENDING;
        assertThat(handle("BootNotification", "{'chargePointVendor': 'ACME', 'chargePointModel': 'X1'}").path("status").asString())
                .isEqualTo("Pending");
        assertThat(handle("Heartbeat", "{}").has("currentTime")).isTrue();
        assertSecurityError("Authorize", "{'idTag': 'ABC'}");
        assertSecurityError("StartTransaction", "{'connectorId': 1, 'idTag': 'ABC', 'meterStart': 0, 'timestamp': '2026-11-25T10:00:00Z'}");
        assertThat(events.calls).as("nothing but the boot reached the domain").hasSize(1);
    }

    @Test
    void aChargerThatReconnectsWithoutBootingKeepsItsEarlierRegistration() {
        events.earlierRegistration = java.util.Optional.of(ChargerEvents.RegistrationStatus.REJECTED);
        assertSecurityError("StatusNotification", "{'connectorId': 0, 'errorCode': 'NoError', 'status': 'Available'}");

        Recording accepted = new Recording();
        accepted.earlierRegistration = java.util.Optional.of(ChargerEvents.RegistrationStatus.ACCEPTED);
        new Ocpp16CallHandler(accepted, charger).handle("Heartbeat", node("{}")).toCompletableFuture().join();
        Recording neverBooted = new Recording();
        new Ocpp16CallHandler(neverBooted, charger).handle("StatusNotification",
                node("{'connectorId': 0, 'errorCode': 'NoError', 'status': 'Available'}")).toCompletableFuture().join();
        assertThat(neverBooted.calls).as("registered with a secret, it may talk before its first boot here").hasSize(1);
    }

    private void assertSecurityError(String action, String payload) {
        assertThatThrownBy(() -> handler.handle(action, node(payload)))
                .isInstanceOfSatisfying(CallErrorException.class, e -> assertThat(e.error().code()).isEqualTo(RpcErrorCode.SECURITY_ERROR));
    }

    @Test
    void heartbeatAnswersTheCurrentTime() {
        assertThat(handle("Heartbeat", "{}")).isEqualTo(node("{'currentTime': '2026-11-25T10:15:30.123Z'}"));
    }

    @Test
    void statusNotificationIsReportedPerConnector() {
        assertThat(handle("StatusNotification", "{'connectorId': 2, 'errorCode': 'NoError', 'status': 'Charging', "
                + "'timestamp': '2026-11-25T11:00:00+01:00'}")).isEqualTo(node("{}"));
        assertThat(events.calls).containsExactly(new ChargerEvents.ConnectorStatus(2, ChargerEvents.ConnectorUse.CHARGING, "Charging", "NoError", null,
                Instant.parse("2026-11-25T10:00:00Z"), null, null));
    }

    @Test
    void authorizeAnswersEveryStatusIn16Spelling() {
        events.idTagStatus = ChargerEvents.AuthorizationStatus.CONCURRENT_TX;
        assertThat(handle("Authorize", "{'idTag': 'ABC'}")).isEqualTo(node("{'idTagInfo': {'status': 'ConcurrentTx'}}"));
        events.idTagStatus = ChargerEvents.AuthorizationStatus.ACCEPTED;
        assertThat(handle("Authorize", "{'idTag': 'ABC'}")).isEqualTo(node(
                "{'idTagInfo': {'status': 'Accepted', 'expiryDate': '2026-11-25T10:15:30.123Z', 'parentIdTag': 'P'}}"));
    }

    @Test
    void startTransactionGetsATransactionId() {
        JsonNode answer = handle("StartTransaction", "{'connectorId': 1, 'idTag': 'ABC', 'meterStart': 1200, "
                + "'timestamp': '2026-11-25T10:00:00Z', 'reservationId': 7}");

        assertThat(answer.get("transactionId").asInt()).isEqualTo(42);
        assertThat(events.calls).containsExactly(new ChargerEvents.TransactionStart(1, "ABC", 1200, Instant.parse("2026-11-25T10:00:00Z"), 7));
    }

    @Test
    void meterValuesGetTheDefaultsOf16AndDecimalValues() {
        handle("MeterValues", "{'connectorId': 1, 'transactionId': 42, 'meterValue': [{'timestamp': '2026-11-25T10:05:00Z', "
                + "'sampledValue': [{'value': '1234.5'}, {'value': '7.2', 'measurand': 'Power.Active.Import', 'unit': 'kW', "
                + "'phase': 'L1', 'context': 'Sample.Clock', 'location': 'Inlet'}, {'value': 'c2lnbmVk', 'format': 'SignedData'}]}]}");

        Instant at = Instant.parse("2026-11-25T10:05:00Z");
        assertThat(events.calls).containsExactly(42, List.of(
                new ChargerEvents.MeterSample(at, io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", new BigDecimal("1234.5"), "Sample.Periodic", "Outlet"),
                new ChargerEvents.MeterSample(at, io.chargebase.domain.charging.Measurand.POWER_ACTIVE_IMPORT, "L1", "kW", new BigDecimal("7.2"), "Sample.Clock", "Inlet")));
    }

    @Test
    void aSampledValueThatIsNoNumberIsAPropertyConstraintViolation() {
        assertThatThrownBy(() -> handle("MeterValues", "{'connectorId': 1, 'meterValue': [{'timestamp': '2026-11-25T10:05:00Z', "
                + "'sampledValue': [{'value': 'lots'}]}]}"))
                .isInstanceOfSatisfying(CallErrorException.class,
                        e -> assertThat(e.error().code()).isEqualTo(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION));
    }

    @Test
    void stopTransactionCarriesTransactionDataAndMayAnswerWithoutIdTagInfo() {
        assertThat(handle("StopTransaction", "{'transactionId': 42, 'meterStop': 5000, 'timestamp': '2026-11-25T11:00:00Z', "
                + "'reason': 'Local', 'transactionData': [{'timestamp': '2026-11-25T11:00:00Z', 'sampledValue': [{'value': '5000', "
                + "'context': 'Transaction.End'}]}]}")).isEqualTo(node("{}"));
        ChargerEvents.TransactionStop stop = (ChargerEvents.TransactionStop) events.calls.getFirst();
        assertThat(stop.reason()).isEqualTo(io.chargebase.domain.charging.StopReason.LOCAL);
        assertThat(stop.idTag()).isNull();
        assertThat(stop.transactionData()).singleElement().satisfies(s -> assertThat(s.context()).isEqualTo("Transaction.End"));
    }

    @Test
    void dataTransferAndNotificationsMapTheirStatuses() {
        assertThat(handle("DataTransfer", "{'vendorId': 'acme', 'messageId': 'm'}")).isEqualTo(node("{'status': 'UnknownMessageId'}"));
        assertThat(handle("FirmwareStatusNotification", "{'status': 'Installed'}")).isEqualTo(node("{}"));
        assertThat(handle("DiagnosticsStatusNotification", "{'status': 'Uploaded'}")).isEqualTo(node("{}"));
        assertThat(events.calls).containsExactly("acme", "m", null, "firmware:Installed", "diagnostics:Uploaded");
    }

    @Test
    void everyChargerInitiatedActionIsHandled() {
        for (Action16 action : Action16.values()) {
            if (action.canBeSentBy(Initiator.CHARGE_POINT)) {
                assertThat(action).isIn(Action16.AUTHORIZE, Action16.BOOT_NOTIFICATION, Action16.DATA_TRANSFER,
                        Action16.DIAGNOSTICS_STATUS_NOTIFICATION, Action16.FIRMWARE_STATUS_NOTIFICATION, Action16.HEARTBEAT,
                        Action16.METER_VALUES, Action16.START_TRANSACTION, Action16.STATUS_NOTIFICATION, Action16.STOP_TRANSACTION);
            }
        }
    }

    /** Handles the request after checking it, and checks the answer against its schema as the endpoint would. */
    private JsonNode handle(String action, String json) {
        JsonNode request = node(json);
        assertThat(rules.checkReceivedCall(action, request)).as("request of the test is valid").isEmpty();
        JsonNode answer = handler.handle(action, request).toCompletableFuture().join();
        assertThat(rules.checkResultToSend(action, answer)).as(action + " answer breaks its schema").isEmpty();
        return answer;
    }

    private static final class Recording implements ChargerEvents {

        final List<Object> calls = new ArrayList<>();
        AuthorizationStatus idTagStatus = AuthorizationStatus.ACCEPTED;
        RegistrationStatus bootAnswer = RegistrationStatus.ACCEPTED;
        java.util.Optional<RegistrationStatus> earlierRegistration = java.util.Optional.empty();

        @Override
        public java.util.Optional<RegistrationStatus> registration(ChargerRef charger) {
            return earlierRegistration;
        }

        @Override
        public void connected(ChargerRef charger, String remoteAddress, String protocol) {
        }

        @Override
        public void disconnected(ChargerRef charger) {
        }

        @Override
        public void frame(ChargerRef charger, FrameDirection direction, String action, String messageId, String text, Instant at) {
        }

        @Override
        public Boot boot(ChargerRef charger, BootInfo info) {
            calls.add(info);
            return new Boot(bootAnswer, NOW, Duration.ofMinutes(5));
        }

        @Override
        public Instant heartbeat(ChargerRef charger) {
            return NOW;
        }

        @Override
        public void status(ChargerRef charger, ConnectorStatus status) {
            calls.add(status);
        }

        @Override
        public IdTagInfo authorize(ChargerRef charger, String idTag) {
            return idTagStatus == AuthorizationStatus.ACCEPTED ? new IdTagInfo(idTagStatus, NOW, "P") : new IdTagInfo(idTagStatus, null, null);
        }

        @Override
        public Started startTransaction(ChargerRef charger, TransactionStart start) {
            calls.add(start);
            return new Started(42, new IdTagInfo(AuthorizationStatus.ACCEPTED, null, null));
        }

        @Override
        public void meterValues(ChargerRef charger, int connectorId, Integer transactionId, List<MeterSample> samples) {
            calls.add(transactionId);
            calls.add(samples);
        }

        @Override
        public IdTagInfo stopTransaction(ChargerRef charger, TransactionStop stop) {
            calls.add(stop);
            return null;
        }

        @Override
        public DataTransferAnswer dataTransfer(ChargerRef charger, String vendorId, String messageId, String data) {
            calls.add(vendorId);
            calls.add(messageId);
            calls.add(data);
            return new DataTransferAnswer(DataTransferStatus.UNKNOWN_MESSAGE_ID, null);
        }

        @Override
        public void firmwareStatus(ChargerRef charger, String status) {
            calls.add("firmware:" + status);
        }

        @Override
        public void diagnosticsStatus(ChargerRef charger, String status) {
            calls.add("diagnostics:" + status);
        }
    }
}
