package io.chargebase.api.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Marks as trivial the data fetchers whose work is no more than a property read, so that Spring for GraphQL does not
 * wrap them in a context snapshot (captured, set and restored around every call) and no observation is begun for
 * them. In a page of fifty rows these are most of the fields, and the wrapping cost more than the fields.
 * <ul>
 * <li>A {@link BatchMapping} field's fetcher only hands its source to the field's data loader; the batch loader,
 *     which does the reading, restores the request's context once for the whole batch.</li>
 * <li>A {@link PlainField} method computes its value from its source alone; it is called directly, without the
 *     argument resolution a controller method otherwise goes through.</li>
 * </ul>
 * Root fields and fields of the subscription type are left as they are: they carry a request's work and its trace. A
 * {@link PlainField} on a root field is refused when the schema is built rather than ignored.
 * Runs as a type visitor before Spring's own decorating visitor, which leaves trivial data fetchers alone.
 */
final class TrivialFetchers extends GraphQLTypeVisitorStub {

    private static final java.util.Set<String> ROOT_TYPES = java.util.Set.of("Query", "Mutation", "Subscription");

    /** The controller bean that declares a method. */
    private final Function<Class<?>, Object> controllers;

    TrivialFetchers(Function<Class<?>, Object> controllers) {
        this.controllers = controllers;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        if (registry != null && context.getParentNode() instanceof GraphQLFieldsContainer parent) {
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            if (fetcher instanceof SelfDescribingDataFetcher<?> described && !(fetcher instanceof TrivialDataFetcher)
                    && described.asMethod() != null) {
                Method method = described.asMethod();
                if (ROOT_TYPES.contains(parent.getName())) {
                    if (method.isAnnotationPresent(PlainField.class)) {
                        throw new IllegalStateException("A root field carries a request's work and runs as a data fetcher of its own; "
                                + parent.getName() + "." + field.getName() + " must not be a @PlainField: " + method);
                    }
                } else if (method.isAnnotationPresent(PlainField.class)) {
                    registry.dataFetcher(coordinates, new Plain<>(described, method, controllers.apply(method.getDeclaringClass())));
                } else if (method.isAnnotationPresent(BatchMapping.class)) {
                    registry.dataFetcher(coordinates, new Trivial<>(described));
                }
            }
        }
        return TraversalControl.CONTINUE;
    }

    /** The same fetcher, declared trivial; it still describes itself for schema inspection. */
    private record Trivial<T>(SelfDescribingDataFetcher<T> delegate) implements TrivialDataFetcher<T>, Described<T> {

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return delegate.get(environment);
        }
    }

    /**
     * A {@link PlainField} method called with its source. Light: graphql-java hands it the source and builds no
     * environment for it, unless an instrumentation asks for one.
     */
    private record Plain<T>(SelfDescribingDataFetcher<T> delegate, Method method, Object controller)
            implements LightDataFetcher<T>, Described<T> {

        Plain {
            if (method.getParameterCount() != 1) {
                throw new IllegalStateException("A @PlainField method takes its source alone: " + method);
            }
            method.setAccessible(true);
        }

        @Override
        public T get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            return of(source);
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return of(environment.getSource());
        }

        @SuppressWarnings("unchecked")
        private T of(Object source) throws Exception {
            if (source == null) {
                return null;
            }
            try {
                return (T) method.invoke(controller, source);
            } catch (InvocationTargetException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
    }

    /** What a wrapped fetcher says of itself. */
    private interface Described<T> extends SelfDescribingDataFetcher<T> {

        SelfDescribingDataFetcher<T> delegate();

        @Override
        default String getDescription() {
            return delegate().getDescription();
        }

        @Override
        default ResolvableType getReturnType() {
            return delegate().getReturnType();
        }

        @Override
        default Method asMethod() {
            return delegate().asMethod();
        }

        @Override
        default Map<String, ResolvableType> getArguments() {
            return delegate().getArguments();
        }

        @Override
        default boolean usesDataLoader() {
            return delegate().usesDataLoader();
        }
    }
}
