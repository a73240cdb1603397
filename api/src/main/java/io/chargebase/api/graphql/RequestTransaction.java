package io.chargebase.api.graphql;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.chargebase.tenancy.TenantAwareTransactionManager;

/**
 * A query runs in one transaction: the tenant settings are set once, and every resolver and batch loader of the
 * request reads in it (they run on the request's thread, see {@link ResolverThreads}). Mutations keep the
 * transactions of the commands they call, each all or nothing on its own, and subscriptions hold none while they
 * stream.
 * <p>
 * The interceptor bounds the request on one thread: it waits for the whole execution and then ends the transaction
 * that the instrumentation began once the operation was known to be a query (a trusted document's type is known only
 * after it is looked up). The transaction is rolled back when some resolver's failure marked it so, committed
 * otherwise; it is {@linkplain TenantAwareTransactionManager#rescopable() rescopable}, for the few fields that read
 * for a wider scope.
 */
public class RequestTransaction extends SimplePerformantInstrumentation implements WebGraphQlInterceptor, Ordered {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final PlatformTransactionManager transactions;

    public RequestTransaction(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Innermost, so that the caller's scope (over WebSocket, put into the Reactor context) is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(context -> {
            if (Schedulers.isInNonBlockingThread()) {
                // not a thread to wait on: the resolvers take a transaction each, as they would outside any request
                return chain.next(request);
            }
            return Mono.fromCallable(() -> {
                Holder holder = new Holder(Thread.currentThread());
                request.configureExecutionInput((input, builder) -> {
                    input.getGraphQLContext().put(Holder.class, holder);
                    return input;
                });
                try {
                    return chain.next(request).contextWrite(context).block();
                } finally {
                    holder.end(transactions);
                }
            });
        });
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        GraphQLContext context = execution.getGraphQLContext();
        Holder holder = context.get(Holder.class);
        if (holder != null && holder.thread == Thread.currentThread()
                && execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY) {
            // over HTTP the caller's scope is on this thread already; over WebSocket it travels in the GraphQL context
            try (var restored = SNAPSHOTS.captureFrom(context).setThreadLocals()) {
                holder.status = transactions.getTransaction(TenantAwareTransactionManager.rescopable());
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** The transaction of one request, begun and ended on the request's thread. */
    private static final class Holder {

        private final Thread thread;
        private TransactionStatus status;

        Holder(Thread thread) {
            this.thread = thread;
        }

        void end(PlatformTransactionManager transactions) {
            if (status == null || status.isCompleted()) {
                return;
            }
            if (status.isRollbackOnly()) {
                transactions.rollback(status);
            } else {
                transactions.commit(status);
            }
        }
    }
}
