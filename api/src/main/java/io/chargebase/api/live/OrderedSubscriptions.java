package io.chargebase.api.live;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.execution.SubscriptionExecutionStrategy;
import reactor.core.publisher.Mono;

/**
 * Subscribers receive the events of a subscription in the order they happened. graphql-java resolves each event's
 * fields asynchronously and, unless told otherwise, sends whichever finishes first; live updates arrive in bursts
 * (many in one notification), so a status could overtake the one before it.
 */
@Component
class OrderedSubscriptions implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
            return input;
        });
        return chain.next(request);
    }
}
