package io.chargebase.api.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;

/**
 * Refuses, before anything runs, an operation that could make the server do more than {@value #LIMIT} units of work.
 * A field costs one plus what it selects, and a field that returns a page ({@code first}/{@code last}) or a list of
 * ids ({@code nodes(ids:)}) multiplies what it selects by how many items it may return: its page size, the default
 * page size when none is given. So aliases of large pages, and cycles such as {@code ChargePoint.commands →
 * ChargerCommand.chargePoint → ChargePoint.commands}, cost what they would cost to run. Costs are added in
 * {@code long} and saturate, so no document can wrap them round.
 * <p>
 * A document is parsed once per text ({@code TrustedDocuments}), so the same document object comes back with every
 * request that sends that text: the cost of a query is remembered per document, operation and variables, when the
 * variables are a few small scalars (page sizes, cursors, ids), so that what is remembered stays small.
 */
public class QueryCost extends SimplePerformantInstrumentation {

    public static final long LIMIT = 20_000;
    static final int DEFAULT_PAGE = 20;
    private static final long SATURATED = Long.MAX_VALUE / 4;
    private static final int MAX_REMEMBERED = 2_000;

    /** Documents compare by identity: one parsed text. */
    private record Asked(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables) {
    }

    private final Map<Asked, Long> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Asked asked = new Asked(context.getGraphQLSchema(), context.getDocument(), context.getOperationDefinition().getName(),
                context.getCoercedVariables().toMap());
        boolean rememberable = context.getOperationDefinition().getOperation() == graphql.language.OperationDefinition.Operation.QUERY
                && small(asked.variables());
        Long known = rememberable ? remembered.get(asked) : null;
        long cost = known != null ? known : of(asked.schema(), asked.document(), asked.operationName(), context.getCoercedVariables());
        if (known == null && rememberable) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(asked, cost);
        }
        if (cost > LIMIT) {
            throw new AbortExecutionException("This operation may cost " + (cost >= SATURATED ? "more than " + SATURATED : cost)
                    + ", more than the " + LIMIT + " allowed. Each field costs 1 plus what it selects, and a page"
                    + " (first/last, " + DEFAULT_PAGE + " when not given) or a list of ids multiplies what it selects by its size:"
                    + " ask for smaller pages, fewer nested pages or fewer aliases.");
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static boolean small(Map<String, Object> variables) {
        if (variables.size() > 8) {
            return false;
        }
        for (Object value : variables.values()) {
            boolean scalar = value == null || value instanceof Number || value instanceof Boolean
                    || (value instanceof CharSequence text && text.length() <= 200);
            if (!scalar) {
                return false;
            }
        }
        return true;
    }

    /** The cost of one operation of the document with these variables. */
    public static long of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        Map<QueryVisitorFieldEnvironment, Long> selected = new HashMap<>();
        long[] total = {0};
        QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .coercedVariables(variables).build()
                .visitPostOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        long own = plus(1, times(multiplier(field), selected.getOrDefault(field, 0L)));
                        QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                        if (parent == null) {
                            total[0] = plus(total[0], own);
                        } else {
                            selected.merge(parent, own, QueryCost::plus);
                        }
                    }
                });
        return total[0];
    }

    private static long multiplier(QueryVisitorFieldEnvironment field) {
        if (field.isTypeNameIntrospectionField() || field.getFieldDefinition() == null) {
            return 1;
        }
        Map<String, Object> arguments = field.getArguments();
        for (String size : List.of("first", "last")) {
            if (field.getFieldDefinition().getArgument(size) != null) {
                Object value = arguments.get(size);
                long asked = value instanceof Number number ? number.longValue() : DEFAULT_PAGE;
                // a size above the maximum is refused when the field runs; until then it costs the largest page
                return Math.clamp(asked, 1, Connection.MAX_PAGE_SIZE);
            }
        }
        if (field.getFieldDefinition().getArgument("ids") != null && arguments.get("ids") instanceof List<?> ids) {
            return Math.max(1, ids.size());
        }
        return 1;
    }

    private static long plus(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long times(long a, long b) {
        return b != 0 && a > SATURATED / b ? SATURATED : Math.min(SATURATED, a * b);
    }
}
