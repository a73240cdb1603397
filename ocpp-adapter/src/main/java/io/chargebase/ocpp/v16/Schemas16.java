package io.chargebase.ocpp.v16;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 56 OCA OCPP 1.6 JSON schemas (draft-04; the December 2019 reissue that carries the schema errata of the
 * OCPP-J 1.6 errata sheet §2.2-2.5), read from the classpath and compiled once. Immutable and thread-safe: use
 * {@link #shared()} rather than loading them again.
 *
 * <p>Each failed schema keyword becomes a {@link SchemaViolation} with the CALLERROR code of OCPP-J 1.6 §4.2.3,
 * table 7, whose wording decides:
 * <ul>
 *   <li>{@code required}, {@code minItems}, {@code maxItems}: OccurenceConstraintViolation, "at least one of the
 *       fields violates occurence constraints": a field or list entry that must be there is not, or occurs too
 *       often;</li>
 *   <li>{@code type} inside the payload, {@code format} ({@code date-time}, {@code uri}: OCPP's dateTime and
 *       anyURI are data types, part 1 §7): TypeConstraintViolation, "violates data type constraints (e.g.
 *       "somestring": 12)";</li>
 *   <li>{@code enum}, {@code maxLength}, {@code minLength}, {@code minimum}, {@code maximum},
 *       {@code multipleOf}, {@code pattern}: PropertyConstraintViolation, "at least one field contains an invalid
 *       value";</li>
 *   <li>{@code additionalProperties} (a field the message does not have; errata §3.1 forbids extra fields), a
 *       payload that is not an object, and any other keyword: FormationViolation, "not conform the PDU structure
 *       for Action".</li>
 * </ul>
 * One deliberate tolerance, without touching the schema files: the unit "Celsius" is accepted where the schema only
 * lists the misspelt "Celcius" (MeterValues, StopTransaction), as OCPP-J 1.6 errata §2.1 tells central systems to
 * do.
 */
public final class Schemas16 {

    /** Classpath folder of the schema files. */
    public static final String LOCATION = "ocpp/v16/schemas/";

    private final Map<Action16, Schema> requests;
    private final Map<Action16, Schema> responses;

    private Schemas16(Map<Action16, Schema> requests, Map<Action16, Schema> responses) {
        this.requests = Collections.unmodifiableMap(requests);
        this.responses = Collections.unmodifiableMap(responses);
    }

    /** The schemas of this class's class loader, loaded on first use. */
    public static Schemas16 shared() {
        return Shared.INSTANCE;
    }

    /** Loads and compiles every schema; fails if any file is missing or is not a schema. */
    public static Schemas16 load(ClassLoader classLoader) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .losslessNarrowing(true)
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(config));
        ObjectMapper mapper = JsonMapper.builder().build();
        Map<Action16, Schema> requests = new EnumMap<>(Action16.class);
        Map<Action16, Schema> responses = new EnumMap<>(Action16.class);
        for (Action16 action : Action16.values()) {
            requests.put(action, compile(registry, mapper, classLoader, action.requestSchemaFile()));
            responses.put(action, compile(registry, mapper, classLoader, action.responseSchemaFile()));
        }
        return new Schemas16(requests, responses);
    }

    /** How many schema files are loaded: two per action. */
    public int size() {
        return requests.size() + responses.size();
    }

    public List<SchemaViolation> checkRequest(Action16 action, JsonNode payload) {
        return check(requests.get(action), payload);
    }

    public List<SchemaViolation> checkResponse(Action16 action, JsonNode payload) {
        return check(responses.get(action), payload);
    }

    private static Schema compile(SchemaRegistry registry, ObjectMapper mapper, ClassLoader classLoader, String file) {
        String resource = LOCATION + file;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OCPP 1.6 schema " + resource + " is not on the classpath");
            }
            Schema schema = registry.getSchema(mapper.readTree(in));
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OCPP 1.6 schema " + resource, e);
        }
    }

    private static List<SchemaViolation> check(Schema schema, JsonNode payload) {
        List<Error> errors = schema.validate(payload);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<SchemaViolation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            if (!isCelsiusSpelling(error)) {
                violations.add(toViolation(error));
            }
        }
        return List.copyOf(violations);
    }

    private static boolean isCelsiusSpelling(Error error) {
        JsonNode value = error.getInstanceNode();
        JsonNode schemaNode = error.getSchemaNode();
        return "enum".equals(error.getKeyword())
                && value != null && value.isString() && "Celsius".equals(value.stringValue())
                && schemaNode != null && schemaNode.toString().contains("\"Celcius\"");
    }

    private static SchemaViolation toViolation(Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String path = error.getInstanceLocation() == null ? "$" : error.getInstanceLocation().toString();
        if ("required".equals(keyword) && error.getProperty() != null) {
            path = path + "." + error.getProperty();
        }
        return new SchemaViolation(codeFor(keyword, path), path, keyword, String.valueOf(error.getMessage()));
    }

    static RpcErrorCode codeFor(String keyword, String path) {
        return switch (keyword) {
            case "required", "minItems", "maxItems" -> RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION;
            case "type" -> "$".equals(path) ? RpcErrorCode.FORMATION_VIOLATION : RpcErrorCode.TYPE_CONSTRAINT_VIOLATION;
            case "format" -> RpcErrorCode.TYPE_CONSTRAINT_VIOLATION;
            case "enum", "maxLength", "minLength", "minimum", "maximum", "multipleOf", "pattern" ->
                    RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
            default -> RpcErrorCode.FORMATION_VIOLATION;
        };
    }

    private static final class Shared {

        static final Schemas16 INSTANCE = load(Schemas16.class.getClassLoader());
    }
}
