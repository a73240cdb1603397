package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * {@link TrivialFetchers} on a schema of its own, traversed as Spring for GraphQL traverses it with its type visitors:
 * a {@link PlainField} below the root becomes a trivial property read, and one on a root field stops the schema from
 * being built instead of being ignored.
 */
class TrivialFetchersTest {

    @Test
    void aPlainFieldBelowTheRootBecomesALightFetcherThatNeedsNoEnvironment() throws Exception {
        DataFetcher<?> fetcher = traverse("Item", "label", method("label"));

        assertThat(fetcher).isInstanceOf(TrivialDataFetcher.class).isInstanceOf(LightDataFetcher.class);
        assertThat(((LightDataFetcher<?>) fetcher).get(null, "an item", () -> {
            throw new AssertionError("a plain field's environment was built");
        })).isEqualTo("label of an item");
    }

    @Test
    void aPlainFieldAtTheRootIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> traverse("Query", "item", method("label")))
                .withMessageContaining("Query.item must not be a @PlainField");
    }

    @Test
    void anOrdinaryRootFieldIsLeftAsItIs() {
        assertThat(traverse("Query", "item", method("item"))).isNotInstanceOf(TrivialDataFetcher.class);
    }

    /** The field's data fetcher after the traversal. */
    private static DataFetcher<?> traverse(String type, String field, Method method) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
                type Query { item: Item }
                type Item { label: String }
                """), RuntimeWiring.newRuntimeWiring()
                .type(type, wiring -> wiring.dataFetcher(field, new Described(method)))
                .build());
        GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
        new SchemaTraverser().depthFirstFullSchema(List.of(new TrivialFetchers(declaring -> new Fields())), schema,
                Map.of(GraphQLCodeRegistry.Builder.class, registry));
        return registry.build().getDataFetcher(FieldCoordinates.coordinates(type, field),
                schema.getObjectType(type).getFieldDefinition(field));
    }

    private static Method method(String name) {
        try {
            return Fields.class.getDeclaredMethod(name, Object.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static class Fields {

        @PlainField
        String label(Object item) {
            return "label of " + item;
        }

        Object item(Object query) {
            return "item";
        }
    }

    /** A controller method's data fetcher as Spring describes it. */
    private record Described(Method method) implements SelfDescribingDataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) {
            return null;
        }

        @Override
        public String getDescription() {
            return method.getName();
        }

        @Override
        public ResolvableType getReturnType() {
            return ResolvableType.forMethodReturnType(method);
        }

        @Override
        public Method asMethod() {
            return method;
        }
    }
}
