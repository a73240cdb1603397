package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import graphql.execution.MergedField;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;

/** {@link Connection#counts}: a count is made when {@code totalCount} is selected, directly or through fragments, and only then. */
class ConnectionCountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ mspCdrs { totalCount edges { node { id } } } }|true",
            "{ mspCdrs { edges { node { id } } pageInfo { hasNextPage } } }|false",
            "{ mspCdrs { ... on MspCdrConnection { totalCount } } }|true",
            "{ mspCdrs { ...Counted } } fragment Counted on MspCdrConnection { edges { cursor } ...Total } fragment Total on MspCdrConnection { totalCount }|true",
            "{ mspCdrs { ...Page } } fragment Page on MspCdrConnection { edges { node { totalCount: id } } }|false",
            "{ mspCdrs { edges { node { id } } } again: mspCdrs { totalCount } }|false"
    })
    void countsOnlyWhenTotalCountIsSelected(String query, boolean counts) {
        assertThat(Connection.counts(environment(query))).isEqualTo(counts);
    }

    /** The environment of the document's first root field. */
    private static DataFetchingEnvironment environment(String query) {
        Document document = Parser.parse(query);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Field first = (Field) operation.getSelectionSet().getSelections().getFirst();
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment().mergedField(MergedField.newMergedField(first).build())
                .fragmentsByName(fragments).build();
    }
}
