package io.chargebase.api.graphql.scope;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import io.chargebase.api.graphql.Access;
import io.chargebase.api.graphql.OperationPolicy;
import io.chargebase.api.security.Role;

/**
 * The object types a narrowed role can reach: from the root fields {@link OperationPolicy} lets it call (and, through
 * {@code node(id:)}, the Node types {@link FieldPolicy} lets it resolve), through every field the policy does not refuse
 * it. An unclassified field counts as reachable, so that whatever lies behind it is asked about too.
 */
public final class Reach {

    private Reach() {
    }

    /** The schema of the {@code schema} module, as the application builds it. */
    public static GraphQLSchema schemaFromClasspath() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    registry.merge(new SchemaParser().parse(reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    /** Every object type the role reaches, by name, with the shortest chain of fields that reaches it first. */
    public static Map<String, String> objectTypes(GraphQLSchema schema, Role role) {
        return objectTypes(schema, role, schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType());
    }

    /** Every object type the role reaches through queries alone (no mutation payloads, no subscription events). */
    public static Map<String, String> objectTypesOfQueries(GraphQLSchema schema, Role role) {
        return objectTypes(schema, role, schema.getQueryType());
    }

    private static Map<String, String> objectTypes(GraphQLSchema schema, Role role, GraphQLObjectType... roots) {
        Map<String, String> reached = new LinkedHashMap<>();
        Deque<Map.Entry<GraphQLType, String>> queue = new ArrayDeque<>();
        for (GraphQLObjectType root : roots) {
            if (root == null) {
                continue;
            }
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                Access access = OperationPolicy.of(root.getName() + "." + field.getName()).orElse(null);
                if (access == null || !access.allows(EnumSet.of(role))) {
                    continue;
                }
                String via = root.getName() + "." + field.getName();
                if (field.getName().equals("node") || field.getName().equals("nodes")) {
                    for (GraphQLObjectType node : schema.getImplementations((GraphQLInterfaceType) schema.getType("Node"))) {
                        if (FieldPolicy.resolvesNode(role, node.getName())) {
                            queue.add(Map.entry(node, via));
                        }
                    }
                } else {
                    queue.add(Map.entry(GraphQLTypeUtil.unwrapAll(field.getType()), via));
                }
            }
        }
        while (!queue.isEmpty()) {
            var next = queue.poll();
            GraphQLType type = next.getKey();
            if (type instanceof GraphQLObjectType object) {
                if (reached.putIfAbsent(object.getName(), next.getValue()) != null) {
                    continue;
                }
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    FieldRule rule = FieldPolicy.of(object.getName() + "." + field.getName()).orElse(null);
                    if (rule == null || rule.of(role) != Treatment.REFUSED) {
                        queue.add(Map.entry(GraphQLTypeUtil.unwrapAll(field.getType()), next.getValue() + " → " + object.getName() + "." + field.getName()));
                    }
                }
            } else if (type instanceof GraphQLInterfaceType contract) {
                schema.getImplementations(contract).forEach(implementation -> queue.add(Map.entry(implementation, next.getValue())));
            } else if (type instanceof GraphQLUnionType union) {
                for (GraphQLNamedOutputType member : union.getTypes()) {
                    queue.add(Map.entry(member, next.getValue()));
                }
            }
        }
        return reached;
    }
}
