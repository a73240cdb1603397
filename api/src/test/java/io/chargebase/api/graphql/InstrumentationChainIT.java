package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;

import io.chargebase.api.support.IntegrationTest;

/** The running schema chains every instrumentation bean, in order, through {@link InstrumentationChain}. */
class InstrumentationChainIT extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;
    @Autowired
    List<Instrumentation> instrumentations;

    @Test
    void everyInstrumentationBeanIsChainedInOrder() {
        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOf(InstrumentationChain.class);
        assertThat(((InstrumentationChain) graphQlSource.graphQl().getInstrumentation()).getInstrumentations())
                .containsExactlyElementsOf(instrumentations).hasSizeGreaterThanOrEqualTo(6);
        // none of today's members watches field completion, so the chain skips it for every field
        assertThat(InstrumentationChain.anyImplements(instrumentations, "beginFieldCompletion",
                graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters.class)).isFalse();
    }

    @Test
    void aHookCountsAsImplementedOnlyWhereAMemberDeclaresIt() {
        Instrumentation plain = new SimplePerformantInstrumentation();
        Instrumentation fieldWatcher = new SimplePerformantInstrumentation() {
            @Override
            public graphql.execution.instrumentation.InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                    InstrumentationState state) {
                return null;
            }
        };
        assertThat(InstrumentationChain.anyImplements(List.of(plain), "beginFieldExecution", InstrumentationFieldParameters.class)).isFalse();
        assertThat(InstrumentationChain.anyImplements(List.of(plain, fieldWatcher), "beginFieldExecution", InstrumentationFieldParameters.class))
                .isTrue();
        assertThat(InstrumentationChain.anyImplements(List.of(fieldWatcher), "beginFieldFetching", InstrumentationFieldFetchParameters.class))
                .isFalse();
    }
}
