package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

class DepthLimitTest {

    @Test
    void countsNestedFieldsThroughFragments() {
        assertThat(depth("{ a }")).isEqualTo(1);
        assertThat(depth("{ a { b { c } } d }")).isEqualTo(3);
        assertThat(depth("{ a { ... on T { b { c } } } }")).isEqualTo(3);
        assertThat(depth("query { a { ...F } } fragment F on T { b { c { d } } }")).isEqualTo(4);
    }

    @Test
    void introspectionDoesNotCount() {
        assertThat(depth(IntrospectionQuery.INTROSPECTION_QUERY)).isZero();
        assertThat(depth("{ __typename me { roles } __type(name: \"X\") { fields { type { ofType { ofType { name } } } } } }")).isEqualTo(2);
    }

    private static int depth(String text) {
        Document document = Parser.parse(text);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        return DepthLimit.depth(document.getDefinitionsOfType(OperationDefinition.class).getFirst().getSelectionSet(), fragments, new HashSet<>());
    }
}
