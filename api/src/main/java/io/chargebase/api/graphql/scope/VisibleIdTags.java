package io.chargebase.api.graphql.scope;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

import graphql.GraphQLContext;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import io.chargebase.domain.tokens.Tokens;

/**
 * Which idTags name a token the caller sees, for {@link OcppRedaction}. A page of log entries asks once for all of
 * them: the lookups of one request are batched by a DataLoader, and each runs in the caller's scope, where row-level
 * security decides.
 */
@Component
public class VisibleIdTags {

    static final String LOADER = "visibleIdTags";
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final Tokens tokens;

    VisibleIdTags(Tokens tokens, BatchLoaderRegistry registry) {
        this.tokens = tokens;
        registry.forTypePair(String.class, Boolean.class).withName(LOADER).registerMappedBatchLoader((idTags, environment) -> Mono.fromSupplier(() -> {
            // the loader may run on another thread than the field that asked: the caller's scope travels in the GraphQL context
            if (environment.getContext() instanceof GraphQLContext context) {
                try (var restored = SNAPSHOTS.captureFrom(context).setThreadLocals()) {
                    return visibility(idTags);
                }
            }
            return visibility(idTags);
        }));
    }

    /** The same answer without batching, for a field resolved outside a request's DataLoaders. */
    Set<String> visible(Collection<String> idTags) {
        return tokens.visibleIdTags(idTags);
    }

    private Map<String, Boolean> visibility(Set<String> idTags) {
        Set<String> visible = tokens.visibleIdTags(idTags);
        Map<String, Boolean> result = new LinkedHashMap<>();
        idTags.forEach(idTag -> result.put(idTag, visible.contains(idTag)));
        return result;
    }
}
