package io.chargebase.ocpp.rpc;

import static io.chargebase.ocpp.Json.node;
import static io.chargebase.ocpp.Json.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void readsACall() {
        RpcMessage message = decoded("[2, '19223201', 'BootNotification', {'chargePointVendor': 'VendorX'}]");

        assertThat(message).isEqualTo(new Call("19223201", "BootNotification", node("{'chargePointVendor': 'VendorX'}")));
    }

    @Test
    void readsACallResult() {
        RpcMessage message = decoded("[3, '19223201', {'status': 'Accepted', 'interval': 300}]");

        assertThat(message).isEqualTo(new CallResult("19223201", node("{'status': 'Accepted', 'interval': 300}")));
    }

    @Test
    void readsACallError() {
        RpcMessage message = decoded("[4, '162376037', 'NotSupported', 'SendLocalList.req not implemented', {}]");

        assertThat(message).isEqualTo(new CallError("162376037", RpcErrorCode.NOT_SUPPORTED,
                "SendLocalList.req not implemented", node("{}")));
    }

    @Test
    void readsANullPayloadAsTheEmptyObject() {
        assertThat(decoded("[2, 'a', 'Heartbeat', null]")).isEqualTo(new Call("a", "Heartbeat", node("{}")));
    }

    @Test
    void keepsDecimalsExact() {
        Call call = (Call) decoded("[2, 'a', 'MeterValues', {'v': 0.1}]");

        assertThat(call.payload().get("v").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(codec.encode(call)).contains("0.1");
    }

    @Test
    void acceptsTheCorrectedSpellingsOfErrorCodes() {
        assertThat(((CallError) decoded("[4, 'a', 'OccurrenceConstraintViolation', '', {}]")).errorCode())
                .isEqualTo(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
        assertThat(((CallError) decoded("[4, 'a', 'FormatViolation', '', {}]")).errorCode())
                .isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
    }

    @Test
    void keepsAnUnknownErrorCodeInTheDescription() {
        CallError error = (CallError) decoded("[4, 'a', 'RpcFrameworkError', 'bad', {}]");

        assertThat(error.errorCode()).isEqualTo(RpcErrorCode.GENERIC_ERROR);
        assertThat(error.errorDescription()).isEqualTo("[RpcFrameworkError] bad");
    }

    @Test
    void writesEachMessageType() {
        assertThat(codec.encode(new Call("1", "Heartbeat", node("{}")))).isEqualTo(text("[2,'1','Heartbeat',{}]"));
        assertThat(codec.encode(new CallResult("1", node("{'currentTime':'2026-01-01T00:00:00Z'}"))))
                .isEqualTo(text("[3,'1',{'currentTime':'2026-01-01T00:00:00Z'}]"));
        assertThat(codec.encode(new CallError("1", RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "x", node("{}"))))
                .isEqualTo(text("[4,'1','OccurenceConstraintViolation','x',{}]"));
    }

    @Test
    void roundTripsEveryCode() {
        for (RpcErrorCode code : RpcErrorCode.values()) {
            CallError error = new CallError("id", code, "why", node("{'k': [1, 2]}"));

            assertThat(decoded(codec.encode(error))).isEqualTo(error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            not JSON                      | hello                                      | FormationViolation
            empty                         | ''                                         | FormationViolation
            object                        | {'a': 1}                                   | ProtocolError
            string                        | 'text'                                     | ProtocolError
            empty array                   | []                                         | ProtocolError
            type only                     | [2]                                        | ProtocolError
            id not a string               | [2, 19, 'Heartbeat', {}]                   | ProtocolError
            truncated before id           | [2,                                        | FormationViolation
            type not a number, no id      | ['2']                                      | ProtocolError
            """)
    void answersAFrameWithoutAReadableIdAtMessageIdMinusOne(String title, String frame, String code) {
        FramingFailure failure = failed(frame);

        assertThat(failure.errorCode().wireName()).isEqualTo(code);
        assertThat(failure.messageId()).isEmpty();
        // OCPP-J 2.0.1 §4.2.3: "When also the MessageId cannot be read, the CALLERROR SHALL contain "-1" as MessageId."
        assertThat(failure.reply()).hasValueSatisfying(reply -> {
            assertThat(reply.messageId()).isEqualTo("-1");
            assertThat(reply.errorCode().wireName()).isEqualTo(code);
            assertThat(reply.errorDescription()).isNotBlank();
            assertThat(reply.errorDetails().isObject()).isTrue();
        });
    }

    @Test
    void aResponseWithoutAReadableIdIsStillNeverAnswered() {
        FramingFailure result = failed("[3, 17, {}]");
        FramingFailure error = failed("[4]");

        assertThat(result.concernsResponse()).isTrue();
        assertThat(result.reply()).isEmpty();
        assertThat(error.reply()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown type id           | [5, 'm1', 'Heartbeat', {}]                          | ProtocolError
            type id as a string       | ['2', 'm1', 'Heartbeat', {}]                        | ProtocolError
            type id as a decimal      | [2.0, 'm1', 'Heartbeat', {}]                        | ProtocolError
            no action                 | [2, 'm1']                                           | ProtocolError
            action not a string       | [2, 'm1', 7, {}]                                    | ProtocolError
            no payload                | [2, 'm1', 'Heartbeat']                              | ProtocolError
            payload an array          | [2, 'm1', 'Heartbeat', []]                          | FormationViolation
            payload a string          | [2, 'm1', 'Heartbeat', 'x']                         | FormationViolation
            too many elements         | [2, 'm1', 'Heartbeat', {}, {}]                      | ProtocolError
            content after the array   | [2, 'm1', 'Heartbeat', {}] [1]                      | ProtocolError
            broken JSON after the id  | [2, 'm1', 'Heartbeat', {'a': }]                     | FormationViolation
            truncated payload         | [2, 'm1', 'Heartbeat', {'a': 1                      | FormationViolation
            duplicate key             | [2, 'm1', 'Heartbeat', {'a': 1, 'a': 2}]            | FormationViolation
            empty id                  | [2, '', 'Heartbeat', {}]                            | ProtocolError
            """)
    void answersAFrameWithAReadableIdWithACallError(String title, String frame, String code) {
        FramingFailure failure = failed(frame);
        String expectedId = frame.contains("''") ? "" : "m1";

        assertThat(failure.errorCode().wireName()).isEqualTo(code);
        assertThat(failure.messageId()).contains(expectedId);
        assertThat(failure.reply()).hasValueSatisfying(reply -> {
            assertThat(reply.messageId()).isEqualTo(expectedId);
            assertThat(reply.errorCode().wireName()).isEqualTo(code);
            assertThat(reply.errorDescription()).isNotBlank();
            assertThat(reply.errorDetails().isObject()).isTrue();
        });
    }

    @Test
    void refusesAnIdLongerThan36CharactersAndEchoesIt() {
        String id = "x".repeat(37);

        FramingFailure failure = failed("[2, '" + id + "', 'Heartbeat', {}]");

        assertThat(failure.errorCode()).isEqualTo(RpcErrorCode.PROTOCOL_ERROR);
        assertThat(failure.reply().map(CallError::messageId)).contains(id);
    }

    @Test
    void acceptsAnIdOfExactly36Characters() {
        String id = "123e4567-e89b-12d3-a456-426614174000";

        assertThat(decoded("[2, '" + id + "', 'Heartbeat', {}]").messageId()).isEqualTo(id);
    }

    @Test
    void neverAnswersAMalformedResponse() {
        FramingFailure result = failed("[3, 'm1', 'not an object']");
        FramingFailure error = failed("[4, 'm1', 'GenericError']");

        assertThat(result.concernsResponse()).isTrue();
        assertThat(result.messageId()).contains("m1");
        assertThat(result.reply()).isEmpty();
        assertThat(error.concernsResponse()).isTrue();
        assertThat(error.reply()).isEmpty();
    }

    @Test
    void refusesAnOverLongFrameFromItsHeadAlone() {
        String payload = "{\"data\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        String frame = "[2,\"big-1\",\"DataTransfer\"," + payload + "]";

        FramingFailure failure = failed(frame);

        assertThat(failure.errorCode()).isEqualTo(RpcErrorCode.GENERIC_ERROR);
        assertThat(failure.description()).contains("exceeds the limit");
        assertThat(failure.reply().map(CallError::messageId)).contains("big-1");
    }

    @Test
    void refusesAnOverLongFrameOfGarbage() {
        FramingFailure failure = failed("[".repeat(2_000_000));

        assertThat(failure.errorCode()).isEqualTo(RpcErrorCode.GENERIC_ERROR);
        assertThat(failure.messageId()).isEmpty();
        assertThat(failure.reply().map(CallError::messageId)).contains("-1");
    }

    @Test
    void survivesDeepNestingWithinTheLimit() {
        String frame = "[2,\"deep\",\"DataTransfer\"," + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "]";

        FramingFailure failure = failed(frame);

        assertThat(failure.messageId()).contains("deep");
        assertThat(failure.reply()).isPresent();
    }

    @Test
    void theLimitIsConfigurable() {
        FrameCodec small = new FrameCodec(64);

        assertThat(small.decode(text("[2, 'a', 'Heartbeat', {}]"))).isInstanceOf(Decoded.Message.class);
        assertThat(small.decode(text("[2, 'a', 'DataTransfer', {'vendorId': '" + "v".repeat(60) + "'}]")))
                .isInstanceOfSatisfying(FramingFailure.class,
                        f -> assertThat(f.errorCode()).isEqualTo(RpcErrorCode.GENERIC_ERROR));
    }

    private RpcMessage decoded(String singleQuoted) {
        Decoded decoded = codec.decode(text(singleQuoted));
        assertThat(decoded).isInstanceOf(Decoded.Message.class);
        return ((Decoded.Message) decoded).message();
    }

    private FramingFailure failed(String singleQuoted) {
        Decoded decoded = codec.decode(singleQuoted.equals("''") ? "" : text(singleQuoted));
        assertThat(decoded).isInstanceOf(FramingFailure.class);
        return (FramingFailure) decoded;
    }

}
