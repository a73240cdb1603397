package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

import io.chargebase.api.support.IntegrationTest;

/**
 * Which data fetchers of the running schema are trivial ({@link TrivialFetchers}): every batch-loaded and
 * {@link PlainField} field below the root, and nothing that reads on its own or stands at the root.
 */
class TrivialFetchersIT extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void batchLoadedAndPlainFieldsAreTrivialAndNothingElseOfOurs() {
        GraphQLSchema schema = graphQlSource.schema();
        List<String> trivial = new ArrayList<>();
        List<String> wrongly = new ArrayList<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream().filter(GraphQLObjectType.class::isInstance)
                .map(GraphQLObjectType.class::cast).filter(type -> !type.getName().startsWith("__")).toList()) {
            boolean root = type == schema.getQueryType() || type == schema.getMutationType() || type == schema.getSubscriptionType();
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), field);
                if (!(fetcher instanceof SelfDescribingDataFetcher<?> described) || described.asMethod() == null) {
                    continue;
                }
                Method method = described.asMethod();
                boolean plain = method.isAnnotationPresent(BatchMapping.class) || method.isAnnotationPresent(PlainField.class);
                String coordinate = type.getName() + "." + field.getName();
                if (fetcher instanceof TrivialDataFetcher<?>) {
                    trivial.add(coordinate);
                }
                if ((fetcher instanceof TrivialDataFetcher<?>) != (plain && !root)) {
                    wrongly.add(coordinate);
                }
            }
        }
        assertThat(wrongly).isEmpty();
        assertThat(trivial).contains("MspCdr.startAt", "MspCdr.profile", "ChargingSession.id", "Profile.id", "CpoCdr.location")
                .doesNotContain("ChargingSession.meterValues", "Query.mspCdrs", "Wallet.balance");
    }
}
