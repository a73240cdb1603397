package io.chargebase.api.graphql;

import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;

/**
 * The application's instrumentations chained as graphql-java chains them, except that a hook called for every field or
 * every object of a result, which none of them implements, costs nothing. graphql-java calls five such hooks per field
 * or object (execution, fetching, completion, list completion, object execution); the plain chain asks each of its six
 * members, all of which answer "nothing", and gathers the answers, for every field of a page. Which hooks a member
 * implements is read once, from the classes that declare them.
 */
final class InstrumentationChain extends ChainedInstrumentation {

    private static final SimplePerformantInstrumentation NOTHING = SimplePerformantInstrumentation.INSTANCE;

    private final boolean fieldExecution;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean executeObject;

    InstrumentationChain(List<Instrumentation> instrumentations) {
        super(instrumentations);
        fieldExecution = anyImplements(instrumentations, "beginFieldExecution", InstrumentationFieldParameters.class);
        fieldFetching = anyImplements(instrumentations, "beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || anyImplements(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
        fieldCompletion = anyImplements(instrumentations, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        fieldListCompletion = anyImplements(instrumentations, "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
        executeObject = anyImplements(instrumentations, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
    }

    /** Whether some member declares the hook itself, rather than inheriting the interface's or the no-op base's. */
    static boolean anyImplements(List<Instrumentation> instrumentations, String hook, Class<?> parameters) {
        for (Instrumentation instrumentation : instrumentations) {
            try {
                Class<?> declaring = instrumentation.getClass().getMethod(hook, parameters, InstrumentationState.class).getDeclaringClass();
                if (declaring != Instrumentation.class && declaring != SimplePerformantInstrumentation.class) {
                    return true;
                }
            } catch (NoSuchMethodException unknown) {
                return true;
            }
        }
        return false;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : NOTHING.beginFieldExecution(parameters, state);
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : NOTHING.beginFieldFetching(parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : NOTHING.beginFieldCompletion(parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : NOTHING.beginFieldListCompletion(parameters, state);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : NOTHING.beginExecuteObject(parameters, state);
    }
}
