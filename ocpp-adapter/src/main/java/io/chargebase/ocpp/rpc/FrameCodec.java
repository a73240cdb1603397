package io.chargebase.ocpp.rpc;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Turns OCPP-J text frames into {@link RpcMessage}s and back (OCPP-J 1.6 §4). Thread-safe.
 *
 * <p>Decoding walks the wrapper token by token, so the message id is known before anything else can go wrong and
 * the CALLERROR can be addressed. The codes chosen for a broken wrapper:
 * <ul>
 *   <li>not JSON at all, or JSON broken after the wrapper's start: FormationViolation ("syntactically
 *       incorrect", §4.2.3 table 7);</li>
 *   <li>JSON, but not the wrapper (not an array, a missing or mistyped element, an unknown MessageTypeNumber, an
 *       id over 36 characters, extra elements): ProtocolError, the RPC protocol itself being broken;</li>
 *   <li>a CALL whose payload is not an object: FormationViolation ("not conform the PDU structure"); a CALL with no
 *       payload at all: ProtocolError ("Payload for Action is incomplete");</li>
 *   <li>a frame longer than the limit: GenericError, after reading only its first characters for the id.</li>
 * </ul>
 * A {@code null} payload is read as the empty object: §4.2.1 allows both notations for "no payload".
 */
public final class FrameCodec {

    /** Large enough for a full SendLocalList or GetConfiguration answer from a charger with many keys. */
    public static final int DEFAULT_MAX_FRAME_CHARS = 1 << 20;

    /** How much of an over-long frame is read to find its message id. */
    private static final int HEAD_CHARS = 512;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // the wrapper is read token by token, and what follows a payload is checked there
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final int maxFrameChars;

    public FrameCodec() {
        this(DEFAULT_MAX_FRAME_CHARS);
    }

    public FrameCodec(int maxFrameChars) {
        if (maxFrameChars < 64) {
            throw new IllegalArgumentException("A frame limit below 64 characters leaves no room for a message");
        }
        this.maxFrameChars = maxFrameChars;
    }

    public int maxFrameChars() {
        return maxFrameChars;
    }

    /** The mapper whose number handling (decimals kept exact) payloads are read with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public Decoded decode(String frame) {
        if (frame.length() > maxFrameChars) {
            Header head = new Header();
            try (JsonParser parser = MAPPER.createParser(frame.substring(0, Math.min(frame.length(), HEAD_CHARS)))) {
                head.read(parser);
            } catch (JacksonException | WrapperException ignored) {
                // whatever was read before the cut-off stays in head
            }
            return failure(RpcErrorCode.GENERIC_ERROR,
                    "Frame of " + frame.length() + " characters exceeds the limit of " + maxFrameChars, head);
        }
        Header head = new Header();
        try (JsonParser parser = MAPPER.createParser(frame)) {
            head.read(parser);
            RpcMessage message = switch (head.typeId) {
                case Call.TYPE_ID -> readCall(parser, head.messageId);
                case CallResult.TYPE_ID -> new CallResult(head.messageId, readPayload(parser, "CALLRESULT"));
                case CallError.TYPE_ID -> readCallError(parser, head.messageId);
                default -> throw new IllegalStateException("Header accepted type " + head.typeId);
            };
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Message has more elements than its type allows");
            }
            if (parser.nextToken() != null) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Content after the message");
            }
            return new Decoded.Message(message);
        } catch (WrapperException e) {
            return failure(e.code, e.getMessage(), head);
        } catch (JacksonException e) {
            return failure(RpcErrorCode.FORMATION_VIOLATION, "Frame is not valid JSON: " + shorten(e.getOriginalMessage()), head);
        }
    }

    public String encode(RpcMessage message) {
        ArrayNode array = MAPPER.createArrayNode();
        array.add(message.typeId());
        array.add(message.messageId());
        switch (message) {
            case Call call -> {
                array.add(call.action());
                array.add(call.payload());
            }
            case CallResult result -> array.add(result.payload());
            case CallError error -> {
                array.add(error.errorCode().wireName());
                array.add(error.errorDescription());
                array.add(error.errorDetails());
            }
        }
        return MAPPER.writeValueAsString(array);
    }

    private static Call readCall(JsonParser parser, String messageId) {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "CALL has no action name");
        }
        String action = parser.getString();
        return new Call(messageId, action, readPayload(parser, "CALL"));
    }

    private static CallError readCallError(JsonParser parser, String messageId) {
        String code = readString(parser, "CALLERROR has no error code");
        String description = readString(parser, "CALLERROR has no error description");
        JsonNode details = readPayload(parser, "CALLERROR");
        RpcErrorCode errorCode = RpcErrorCode.fromWire(code).orElse(null);
        if (errorCode == null) {
            // Keep the unknown code where a person reading the logs will find it.
            return new CallError(messageId, RpcErrorCode.GENERIC_ERROR, "[" + code + "] " + description, details);
        }
        return new CallError(messageId, errorCode, description, details);
    }

    private static String readString(JsonParser parser, String problem) {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, problem);
        }
        return parser.getString();
    }

    private static JsonNode readPayload(JsonParser parser, String kind) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            return MAPPER.readTree(parser);
        }
        if (token == JsonToken.VALUE_NULL) {
            return MAPPER.createObjectNode();
        }
        if (token == JsonToken.END_ARRAY || token == null) {
            throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, kind + " has no payload");
        }
        throw new WrapperException(RpcErrorCode.FORMATION_VIOLATION, kind + " payload is not a JSON object");
    }

    private static FramingFailure failure(RpcErrorCode code, String description, Header head) {
        return new FramingFailure(code, description, head.messageId, head.typeIdRead);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    /** The first three tokens every OCPP-J message shares: {@code [typeId, "messageId"}. */
    private static final class Header {

        Integer typeIdRead;
        int typeId;
        String messageId;

        void read(JsonParser parser) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new WrapperException(RpcErrorCode.FORMATION_VIOLATION, "Frame is empty");
            }
            if (token != JsonToken.START_ARRAY) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Frame is not a JSON array");
            }
            token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Frame is an empty array");
            }
            boolean integerType = token == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT;
            if (integerType) {
                typeIdRead = parser.getIntValue();
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                messageId = parser.getString();
            } else {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Message id is missing or not a string");
            }
            if (typeIdRead == null) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "MessageTypeId is not an integer");
            }
            typeId = typeIdRead;
            if (typeId != Call.TYPE_ID && typeId != CallResult.TYPE_ID && typeId != CallError.TYPE_ID) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Unknown MessageTypeId " + typeId);
            }
            if (messageId.isEmpty()) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR, "Message id is empty");
            }
            if (messageId.length() > RpcMessage.MAX_MESSAGE_ID_LENGTH) {
                throw new WrapperException(RpcErrorCode.PROTOCOL_ERROR,
                        "Message id has " + messageId.length() + " characters, more than 36");
            }
        }
    }

    /** A wrapper that parsed as JSON but is not OCPP-J; private control flow of the decoder. */
    private static final class WrapperException extends RuntimeException {

        final RpcErrorCode code;

        WrapperException(RpcErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
