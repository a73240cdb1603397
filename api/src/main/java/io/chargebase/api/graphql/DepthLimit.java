package io.chargebase.api.graphql;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Refuses an operation nested deeper than the limit before anything runs. Introspection does not count: the query
 * GraphiQL and code generators send to read the schema nests {@code ofType} fifteen levels deep, and the schema's
 * types are finite and cheap, so {@code __schema} and {@code __type} subtrees are left out of the measure.
 */
final class DepthLimit extends SimplePerformantInstrumentation {

    private final int maxDepth;

    DepthLimit(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        var context = parameters.getExecutionContext();
        int depth = depth(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(), new HashSet<>());
        if (depth > maxDepth) {
            throw new AbortExecutionException("maximum query depth exceeded: " + depth + " > " + maxDepth
                    + "; nest fewer fields, or split the query.");
        }
        return SimpleInstrumentationContext.noOp();
    }

    static int depth(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> expanding) {
        if (selections == null) {
            return 0;
        }
        int deepest = 0;
        for (Selection<?> selection : selections.getSelections()) {
            int depth = switch (selection) {
                case Field field when field.getName().equals("__schema") || field.getName().equals("__type") -> 0;
                case Field field -> 1 + depth(field.getSelectionSet(), fragments, expanding);
                case InlineFragment inline -> depth(inline.getSelectionSet(), fragments, expanding);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    // validation refuses cyclic fragments before execution; the guard only keeps this finite regardless
                    if (fragment == null || !expanding.add(spread.getName())) {
                        yield 0;
                    }
                    int inner = depth(fragment.getSelectionSet(), fragments, expanding);
                    expanding.remove(spread.getName());
                    yield inner;
                }
                default -> 0;
            };
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }
}
