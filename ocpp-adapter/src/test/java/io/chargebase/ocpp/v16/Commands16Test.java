package io.chargebase.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.operations.LocalAuthList;
import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.domain.operations.command.CommandStatus;
import io.chargebase.ocpp.rpc.RpcError;
import tools.jackson.databind.json.JsonMapper;

class Commands16Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2030-01-02T03:04:05Z");

    @Test
    void encodesEachCommandAsItsOcpp16RequestAndEveryRequestPassesItsSchema() {
        List<Object[]> cases = List.of(
                expect(new Command.RemoteStart(null, "TAG1", "{\"chargingProfileId\":1}"), "RemoteStartTransaction",
                        "{\"idTag\":\"TAG1\",\"chargingProfile\":{\"chargingProfileId\":1}}"),
                expect(new Command.RemoteStart(2, "TAG1", null), "RemoteStartTransaction", "{\"connectorId\":2,\"idTag\":\"TAG1\"}"),
                expect(new Command.RemoteStop(42), "RemoteStopTransaction", "{\"transactionId\":42}"),
                expect(new Command.Reset(Command.ResetType.HARD), "Reset", "{\"type\":\"Hard\"}"),
                expect(new Command.UnlockConnector(1), "UnlockConnector", "{\"connectorId\":1}"),
                expect(new Command.ChangeAvailability(0, Command.Availability.INOPERATIVE), "ChangeAvailability",
                        "{\"connectorId\":0,\"type\":\"Inoperative\"}"),
                expect(new Command.ChangeConfiguration("HeartbeatInterval", "300"), "ChangeConfiguration",
                        "{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}"),
                expect(new Command.GetConfiguration(null), "GetConfiguration", "{}"),
                expect(new Command.ClearCache(), "ClearCache", "{}"),
                expect(new Command.TriggerMessage(Command.TriggerableMessage.DIAGNOSTICS_STATUS_NOTIFICATION, null), "TriggerMessage",
                        "{\"requestedMessage\":\"DiagnosticsStatusNotification\"}"),
                expect(new Command.ReserveNow(1, AT, "TAG1", "PARENT", 7), "ReserveNow",
                        "{\"connectorId\":1,\"expiryDate\":\"2030-01-02T03:04:05Z\",\"idTag\":\"TAG1\",\"reservationId\":7,\"parentIdTag\":\"PARENT\"}"),
                expect(new Command.CancelReservation(7), "CancelReservation", "{\"reservationId\":7}"),
                expect(new Command.SendLocalList(new LocalAuthList(3, false, List.of(new LocalAuthList.Entry("A", LocalAuthList.Status.BLOCKED, null),
                        new LocalAuthList.Entry("B", LocalAuthList.Status.EXPIRED, AT)), AT)), "SendLocalList",
                        "{\"listVersion\":3,\"updateType\":\"Differential\",\"localAuthorizationList\":[{\"idTag\":\"A\",\"idTagInfo\":"
                                + "{\"status\":\"Blocked\"}},{\"idTag\":\"B\",\"idTagInfo\":{\"status\":\"Expired\",\"expiryDate\":\"2030-01-02T03:04:05Z\"}}]}"),
                expect(new Command.GetLocalListVersion(), "GetLocalListVersion", "{}"),
                expect(new Command.ClearChargingProfile(null, 1, Command.ChargingProfilePurpose.TX_DEFAULT_PROFILE, 0), "ClearChargingProfile",
                        "{\"connectorId\":1,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"stackLevel\":0}"),
                expect(new Command.GetCompositeSchedule(1, 3600, Command.ChargingRateUnit.W), "GetCompositeSchedule",
                        "{\"connectorId\":1,\"duration\":3600,\"chargingRateUnit\":\"W\"}"),
                expect(new Command.GetDiagnostics("ftp://files.example/", 2, null, AT, null), "GetDiagnostics",
                        "{\"location\":\"ftp://files.example/\",\"retries\":2,\"startTime\":\"2030-01-02T03:04:05Z\"}"),
                expect(new Command.UpdateFirmware("https://files.example/fw.bin", AT, null, 60), "UpdateFirmware",
                        "{\"location\":\"https://files.example/fw.bin\",\"retrieveDate\":\"2030-01-02T03:04:05Z\",\"retryInterval\":60}"),
                expect(new Command.DataTransfer("io.vendor", null, "x"), "DataTransfer", "{\"vendorId\":\"io.vendor\",\"data\":\"x\"}"));
        CentralSystemRules16 rules = new CentralSystemRules16();
        for (Object[] expected : cases) {
            Commands16.Request request = Commands16.encode((Command<?>) expected[0]);
            assertThat(request.action().actionName()).isEqualTo(expected[1]);
            assertThat(request.payload().toString()).isEqualTo(expected[2]);
            if (!(expected[0] instanceof Command.RemoteStart start && start.chargingProfileJson() != null)) {
                Optional<RpcError> invalid = rules.checkCallToSend(request.action().actionName(), request.payload());
                assertThat(invalid).as("%s", expected[0]).isEmpty();
            }
        }
    }

    @Test
    void decodesAnswersIntoTypedOutcomes() {
        assertThat(Commands16.decode(new Command.UnlockConnector(1), JSON.readTree("{\"status\":\"UnlockFailed\"}")))
                .isEqualTo(new Answer.Acknowledged(CommandStatus.UNLOCK_FAILED));
        assertThat(Commands16.decode(new Command.RemoteStart(1, "T", null), JSON.readTree("{\"status\":\"Accepted\"}")).accepted()).isTrue();
        assertThat(Commands16.decode(new Command.ChangeAvailability(1, Command.Availability.OPERATIVE), JSON.readTree("{\"status\":\"Scheduled\"}"))
                .accepted()).isFalse();
        assertThat(Commands16.decode(new Command.GetLocalListVersion(), JSON.readTree("{\"listVersion\":-1}")).version()).isEqualTo(-1);
        assertThat(Commands16.decode(new Command.GetDiagnostics("ftp://x/", null, null, null, null), JSON.readTree("{}")).fileName()).isNull();
        assertThat(Commands16.decode(new Command.DataTransfer("v", null, null), JSON.readTree("{\"status\":\"UnknownVendorId\"}")))
                .isEqualTo(new Answer.DataTransferReply(CommandStatus.UNKNOWN_VENDOR_ID, null));
        assertThat(Commands16.decode(new Command.GetConfiguration(List.of("A", "B")), JSON.readTree(
                "{\"configurationKey\":[{\"key\":\"A\",\"readonly\":true}],\"unknownKey\":[\"B\"]}")))
                .isEqualTo(new Answer.Configuration(List.of(new Answer.Configuration.Key("A", true, null)), List.of("B")));
        assertThatThrownBy(() -> Commands16.decode(new Command.ClearCache(), JSON.readTree("{\"status\":\"Maybe\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object[] expect(Command<?> command, String action, String json) {
        return new Object[] {command, action, json};
    }
}
