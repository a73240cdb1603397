package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import graphql.execution.CoercedVariables;
import java.util.List;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLNonNull;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/** What operations cost: pages weigh by their size, and every document the clients send stays under the limit. */
class QueryCostTest {

    private static final GraphQLSchema SCHEMA = schema();

    private static long cost(String query) {
        return QueryCost.of(SCHEMA, Parser.parse(query), null, CoercedVariables.emptyVariables());
    }

    @Test
    void aPageWeighsWhatItSelectsByItsSize() {
        assertThat(cost("{ profiles(first: 10) { edges { node { name } } } }")).isEqualTo(1 + 10 * 3);
        assertThat(cost("{ profiles { edges { node { name } } } }")).as("the default page").isEqualTo(1 + 20 * 3);
        assertThat(cost("{ profiles(first: 100000) { totalCount } }")).as("at most the largest page").isEqualTo(1 + 100);
        assertThat(cost("{ nodes(ids: [\"a\", \"b\", \"c\"]) { id } }")).isEqualTo(1 + 3);
        assertThat(cost("{ me { roles } }")).isEqualTo(2);
    }

    @Test
    void aliasesOfLargePagesAndTheCommandCycleCostMoreThanTheLimit() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 199; i++) {
            aliases.append(" p").append(i).append(": profiles(first: 100) { edges { node { name } } }");
        }
        assertThat(cost(aliases.append(" }").toString())).isGreaterThan(QueryCost.LIMIT);
        assertThat(cost(QueryCostIT.COMMAND_CYCLE)).isGreaterThan(QueryCost.LIMIT);
        // deeper than any page could be: the sum saturates instead of wrapping round to a small number
        String deep = "{ chargePoints(first: 100) { edges { node { " + "commands(first: 100) { edges { node { chargePoint { ".repeat(12)
                + "id" + " } } } }".repeat(12) + " } } } }";
        assertThat(cost(deep)).isGreaterThan(QueryCost.LIMIT);
    }

    @Test
    void everyDocumentOfUiContractsStaysUnderTheLimit() throws IOException {
        Map<String, Long> costs = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:ui-contracts/**/*.graphql")) {
            try (InputStream in = resource.getInputStream()) {
                Document document = Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                    Map<String, Object> variables = new java.util.HashMap<>();
                    for (VariableDefinition variable : operation.getVariableDefinitions()) {
                        variables.put(variable.getName(), sample(inputType(variable.getType()), variable.getName()));
                    }
                    costs.put(resource.getFilename() + "#" + operation.getName(), QueryCost.of(SCHEMA, document, operation.getName(), CoercedVariables.of(variables)));
                }
            }
        }
        assertThat(costs).hasSizeGreaterThan(100);
        assertThat(costs).allSatisfy((name, cost) -> assertThat(cost).as(name).isLessThanOrEqualTo(QueryCost.LIMIT));
        System.out.println("Most expensive ui-contracts documents: " + costs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).toList());
    }

    /** A value for a variable, the largest page where it sizes one: what the document costs at worst. */
    private static Object sample(GraphQLInputType type, String name) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            return List.of(sample((GraphQLInputType) list.getWrappedType(), name));
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getValue() == null ? enumType.getValues().getFirst().getName()
                    : enumType.getValues().getFirst().getValue();
        }
        if (bare instanceof GraphQLInputObjectType object) {
            Map<String, Object> fields = new java.util.HashMap<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType())) {
                    fields.put(field.getName(), sample(field.getType(), field.getName()));
                }
            }
            return fields;
        }
        return switch (((GraphQLNamedType) bare).getName()) {
            case "Int" -> name.equals("first") || name.equals("last") ? 100 : 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            case "DateTime" -> java.time.Instant.parse("2026-01-01T00:00:00Z");
            case "Decimal" -> java.math.BigDecimal.ONE;
            default -> "x";
        };
    }

    private static GraphQLInputType inputType(graphql.language.Type<?> type) {
        return switch (type) {
            case graphql.language.NonNullType nonNull -> GraphQLNonNull.nonNull(inputType(nonNull.getType()));
            case graphql.language.ListType list -> GraphQLList.list(inputType(list.getType()));
            case graphql.language.TypeName name -> (GraphQLInputType) SCHEMA.getType(name.getName());
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static GraphQLSchema schema() {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                try (InputStream in = resource.getInputStream()) {
                    registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
