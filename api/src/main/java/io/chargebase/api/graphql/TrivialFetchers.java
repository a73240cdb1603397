package io.chargebase.api.graphql;

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Marks as trivial the data fetchers whose work is no more than a property read, so that Spring for GraphQL does not
 * wrap them in a context snapshot (captured, set and restored around every call) and no observation is begun for
 * them. In a page of fifty rows these are most of the fields, and the wrapping cost more than the fields.
 * <ul>
 * <li>A {@link BatchMapping} field's fetcher only hands its source to the field's data loader; the batch loader,
 *     which does the reading, restores the request's context once for the whole batch.</li>
 * <li>A {@link PlainField} method computes its value from its source alone.</li>
 * </ul>
 * Root fields and fields of the subscription type are left as they are: they carry a request's work and its trace.
 * Runs as a type visitor before Spring's own decorating visitor, which leaves trivial data fetchers alone.
 */
final class TrivialFetchers extends GraphQLTypeVisitorStub {

    private static final java.util.Set<String> ROOT_TYPES = java.util.Set.of("Query", "Mutation", "Subscription");

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        if (registry != null && context.getParentNode() instanceof GraphQLFieldsContainer parent && !ROOT_TYPES.contains(parent.getName())) {
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            if (fetcher instanceof SelfDescribingDataFetcher<?> described && !(fetcher instanceof TrivialDataFetcher) && plain(described)) {
                registry.dataFetcher(coordinates, new Trivial<>(described));
            }
        }
        return TraversalControl.CONTINUE;
    }

    private static boolean plain(SelfDescribingDataFetcher<?> fetcher) {
        Method method = fetcher.asMethod();
        return method != null && (method.isAnnotationPresent(BatchMapping.class) || method.isAnnotationPresent(PlainField.class));
    }

    /** The same fetcher, declared trivial; it still describes itself for schema inspection. */
    private record Trivial<T>(SelfDescribingDataFetcher<T> delegate) implements TrivialDataFetcher<T>, SelfDescribingDataFetcher<T> {

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return delegate.get(environment);
        }

        @Override
        public String getDescription() {
            return delegate.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return delegate.getReturnType();
        }

        @Override
        public Method asMethod() {
            return delegate.asMethod();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return delegate.getArguments();
        }

        @Override
        public boolean usesDataLoader() {
            return delegate.usesDataLoader();
        }
    }
}
