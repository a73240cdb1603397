package io.chargebase.domain.rating.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading OCPI JSON fields with the path of every value, so a bad value is reported where it is. */
final class JsonFields {

    /** Floats as BigDecimal: 0.0834 must stay 0.0834, not its nearest double. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonFields() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new DomainException(ErrorCode.INVALID, "$", "Not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "Expected a JSON object.");
        }
        return node;
    }

    /** The field, or null when absent or JSON null. */
    static JsonNode optional(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    static JsonNode required(JsonNode parent, String field, String path) {
        JsonNode value = optional(parent, field);
        if (value == null) {
            throw new DomainException(ErrorCode.REQUIRED, path, "Missing " + field + ".");
        }
        return value;
    }

    static JsonNode array(JsonNode value, String path) {
        if (!value.isArray()) {
            throw invalid(path, "Expected an array.");
        }
        return value;
    }

    static String string(JsonNode value, String path) {
        if (!value.isString()) {
            throw invalid(path, "Expected a string, got " + value + ".");
        }
        return value.stringValue();
    }

    static BigDecimal number(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw invalid(path, "Expected a number, got " + value + ".");
        }
        return value.decimalValue();
    }

    static BigDecimal optionalNumber(JsonNode parent, String field, String parentPath) {
        JsonNode value = optional(parent, field);
        return value == null ? null : number(value, path(parentPath, field));
    }

    static int integer(JsonNode value, String path) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(path, "Expected a whole number, got " + value + ".");
        }
        return value.intValue();
    }

    static Integer optionalInteger(JsonNode parent, String field, String parentPath) {
        JsonNode value = optional(parent, field);
        return value == null ? null : integer(value, path(parentPath, field));
    }

    static <T> T parsed(JsonNode value, String path, Function<String, T> parser, String expected) {
        String text = string(value, path);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid(path, "Expected " + expected + ", got \"" + text + "\".");
        }
    }

    static <E extends Enum<E>> E enumValue(JsonNode value, String path, Class<E> type) {
        return parsed(value, path, text -> Enum.valueOf(type, text), "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** An OCPI DateTime: with Z or an offset, or without one, which OCPI defines as UTC. */
    static Instant instant(JsonNode value, String path) {
        return parsed(value, path, JsonFields::instant, "an RFC 3339 date-time");
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    static DomainException invalid(String path, String message) {
        return new DomainException(ErrorCode.INVALID, path, message);
    }
}
