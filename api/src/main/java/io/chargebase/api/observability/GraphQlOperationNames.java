package io.chargebase.api.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestHighCardinalityKeyNames;
import org.springframework.stereotype.Component;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Times GraphQL requests by operation name ({@value #KEY}) without letting callers mint series: the name counts only
 * when it is one of the operations of {@code ui-contracts}, the documents the clients ship; a request without a name
 * is {@code anonymous}, any other name {@code other}. The span keeps the name as the caller sent it.
 */
@Component
public class GraphQlOperationNames extends DefaultExecutionRequestObservationConvention {

    static final String KEY = "graphql.operation.name";
    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";

    private final Set<String> known;

    public GraphQlOperationNames() {
        this.known = Set.copyOf(operationsOf("classpath*:ui-contracts/**/*.graphql"));
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY, bounded(nameOf(context))));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        String name = nameOf(context);
        return KeyValues.of(executionId(context), KeyValue.of(ExecutionRequestHighCardinalityKeyNames.OPERATION_NAME.asString() + ".sent",
                name == null || name.isBlank() ? ANONYMOUS : name));
    }

    /** The operation that ran (a request need not name it when its document has one), else the one asked for. */
    private static String nameOf(ExecutionRequestObservationContext context) {
        var execution = context.getExecutionContext();
        if (execution != null && execution.getOperationDefinition() != null) {
            return execution.getOperationDefinition().getName();
        }
        return context.getExecutionInput().getOperationName();
    }

    String bounded(String operationName) {
        if (operationName == null || operationName.isBlank()) {
            return ANONYMOUS;
        }
        return known.contains(operationName) ? operationName : OTHER;
    }

    private static Set<String> operationsOf(String pattern) {
        Set<String> names = new HashSet<>();
        try {
            for (Resource document : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String text = document.getContentAsString(StandardCharsets.UTF_8);
                Parser.parse(text).getDefinitionsOfType(OperationDefinition.class).stream()
                        .map(OperationDefinition::getName).filter(name -> name != null).forEach(names::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
