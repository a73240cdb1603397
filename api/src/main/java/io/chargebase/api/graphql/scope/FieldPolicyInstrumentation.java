package io.chargebase.api.graphql.scope;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.dataloader.DataLoader;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import io.micrometer.context.ContextSnapshotFactory;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.ErrorType;
import io.chargebase.api.security.Role;
import io.chargebase.domain.operations.FileLocations;

/**
 * Enforces {@link FieldPolicy} below the root fields for drivers and OU admins. The caller's narrowed role is read once
 * per execution; what each field definition gets is decided once per schema, so a field fetch costs one identity-map
 * lookup, and callers who see the whole tenant none. A refused field's data fetcher never runs.
 */
public class FieldPolicyInstrumentation extends SimplePerformantInstrumentation {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    /** The narrowed role of one execution; {@code null} when the caller sees the whole tenant. */
    record Caller(Role role) implements InstrumentationState {
    }

    /** What a field becomes for one role: refused (this fetcher runs instead), or its own fetcher's value redacted. */
    private sealed interface Decision {
    }

    private record Refuse(DataFetcher<?> instead) implements Decision {
    }

    private record Redact(Redaction redaction) implements Decision {
    }

    /** The decisions of one field definition for a driver and an OU admin; null keeps the field as it is. */
    private record Decisions(Decision driver, Decision ouAdmin) {
    }

    /** A field that is not refused or redacted for either role needs no wrapper at all. */
    private record Compiled(GraphQLSchema schema, Map<GraphQLFieldDefinition, Decisions> fields) {
    }

    private final VisibleIdTags visibleIdTags;
    private volatile Compiled compiled;

    public FieldPolicyInstrumentation(VisibleIdTags visibleIdTags) {
        this.visibleIdTags = visibleIdTags;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        // over HTTP the caller is on this thread already; over WebSocket it travels in the GraphQL context
        try (var restored = SNAPSHOTS.captureFrom(parameters.getExecutionInput().getGraphQLContext()).setThreadLocals()) {
            return new Caller(Audience.current().orElse(null));
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof Caller(Role role)) || role == null) {
            return dataFetcher;
        }
        Decisions decisions = compiled(parameters.getExecutionContext().getGraphQLSchema()).fields().get(parameters.getField());
        if (decisions == null) {
            return dataFetcher;
        }
        return switch (role == Role.DRIVER ? decisions.driver() : decisions.ouAdmin()) {
            case null -> dataFetcher;
            case Refuse refuse -> refuse.instead();
            case Redact redact -> env -> redacted(dataFetcher.get(env), redact.redaction(), env);
        };
    }

    private Compiled compiled(GraphQLSchema schema) {
        Compiled current = compiled;
        if (current == null || current.schema() != schema) {
            current = compile(schema);
            compiled = current;
        }
        return current;
    }

    /** Every field of every object type but the root and introspection types gets its two decisions. */
    private Compiled compile(GraphQLSchema schema) {
        Map<GraphQLFieldDefinition, Decisions> fields = new IdentityHashMap<>();
        Set<GraphQLObjectType> roots = new HashSet<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()}) {
            if (root != null) {
                roots.add(root);
            }
        }
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || roots.contains(object) || object.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                String coordinate = object.getName() + "." + field.getName();
                FieldRule rule = FieldPolicy.of(coordinate).orElse(null);
                Decisions decisions = new Decisions(decide(rule, Role.DRIVER, coordinate, field), decide(rule, Role.OU_ADMIN, coordinate, field));
                if (decisions.driver() != null || decisions.ouAdmin() != null) {
                    fields.put(field, decisions);
                }
            }
        }
        return new Compiled(schema, fields);
    }

    private static Decision decide(FieldRule rule, Role role, String coordinate, GraphQLFieldDefinition field) {
        Treatment treatment = rule == null ? Treatment.REFUSED : rule.of(role);
        return switch (treatment) {
            case ALLOWED, NARROWED -> null;
            case REFUSED -> new Refuse(refusal(field.getType(), rule == null
                    ? coordinate + " is not classified for narrowed roles yet, so it is refused."
                    : "Your role does not see " + coordinate + "."));
            case REDACTED -> new Redact(rule.redaction());
        };
    }

    /** Null, or the empty list or page where the schema forbids null, and a FORBIDDEN error at the field's path. */
    private static DataFetcher<?> refusal(GraphQLOutputType type, String message) {
        Object empty = emptyValue(type);
        return env -> DataFetcherResult.newResult().data(empty)
                .error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(message).build())
                .build();
    }

    private static Object emptyValue(GraphQLOutputType type) {
        if (!(type instanceof GraphQLNonNull nonNull)) {
            return null;
        }
        GraphQLType inner = nonNull.getWrappedType();
        if (inner instanceof GraphQLList) {
            return List.of();
        }
        if (inner instanceof GraphQLObjectType object && object.getFieldDefinition("edges") != null && object.getFieldDefinition("pageInfo") != null) {
            return new Connection<>(List.of(), new Connection.PageInfo(false, false, null, null), 0L);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Object redacted(Object fetched, Redaction redaction, DataFetchingEnvironment env) {
        if (fetched instanceof CompletionStage<?> stage) {
            return ((CompletionStage<Object>) stage).toCompletableFuture().thenCompose(value -> {
                Object redacted = redacted(value, redaction, env);
                return redacted instanceof CompletionStage<?> next ? ((CompletionStage<Object>) next).toCompletableFuture()
                        : CompletableFuture.completedFuture(redacted);
            });
        }
        if (fetched instanceof DataFetcherResult<?> result) {
            DataFetcherResult<Object> typed = (DataFetcherResult<Object>) result;
            Object data = redacted(typed.getData(), redaction, env);
            if (data instanceof CompletionStage<?> stage) {
                return ((CompletionStage<Object>) stage).toCompletableFuture().thenApply(value -> typed.transform(builder -> builder.data(value)));
            }
            return typed.transform(builder -> builder.data(data));
        }
        if (fetched == null) {
            return null;
        }
        return switch (redaction) {
            case URL_CREDENTIALS -> fetched instanceof List<?> list
                    ? list.stream().map(item -> item == null ? null : FileLocations.withoutCredentials(item.toString())).toList()
                    : FileLocations.withoutCredentials(fetched.toString());
            case OCPP_PAYLOAD -> ocpp(fetched.toString(), env);
            case ID_TAG -> idTag(fetched.toString(), env);
        };
    }

    /** An activity record's idTag: shown when it names a token the caller sees, masked otherwise (as in the logs' payloads). */
    private Object idTag(String idTag, DataFetchingEnvironment env) {
        DataLoader<String, Boolean> loader = env.getDataLoader(VisibleIdTags.LOADER);
        if (loader == null) {
            return visibleIdTags.visible(Set.of(idTag)).contains(idTag) ? idTag : OcppRedaction.MASK;
        }
        return loader.load(idTag).thenApply(visible -> Boolean.TRUE.equals(visible) ? idTag : OcppRedaction.MASK);
    }

    /** Asks which of the text's idTags the caller sees, batched with the other fields of the request, then redacts. */
    private Object ocpp(String text, DataFetchingEnvironment env) {
        Set<String> idTags = OcppRedaction.idTags(text);
        if (idTags.isEmpty()) {
            return OcppRedaction.redact(text, Set.of());
        }
        DataLoader<String, Boolean> loader = env.getDataLoader(VisibleIdTags.LOADER);
        if (loader == null) {
            return OcppRedaction.redact(text, visibleIdTags.visible(idTags));
        }
        List<String> asked = List.copyOf(idTags);
        return loader.loadMany(asked).thenApply(flags -> {
            Set<String> visible = new HashSet<>();
            for (int i = 0; i < asked.size(); i++) {
                if (Boolean.TRUE.equals(flags.get(i))) {
                    visible.add(asked.get(i));
                }
            }
            return OcppRedaction.redact(text, visible);
        });
    }
}
