package io.chargebase.api.graphql;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.observation.DataFetcherObservationContext;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.observation.ObservationPredicate;

/**
 * Where resolvers run and what they cost besides their SQL. With virtual threads on, Spring for GraphQL would run
 * every controller method as an executor task of its own, each with a context snapshot; a page of 50 rows with a
 * dozen nested fields made some hundreds of tasks per request, all outside the request's transaction. Here every
 * controller method and batch loader runs on the request's thread (a virtual thread already), inside
 * {@link RequestTransaction}, and only root fields are observed: they are the ones that carry a request's work, and
 * a timer per nested field cost more than the field. Fields that only read their source or hand it to a data loader
 * are not even wrapped for that ({@link TrivialFetchers}).
 */
@Configuration(proxyBeanMethods = false)
class ResolverThreads {

    @Bean
    static BeanPostProcessor resolversOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }

    /** Batch-loaded and {@link PlainField} fields run as property reads; see {@link TrivialFetchers}. */
    @Bean
    GraphQlSourceBuilderCustomizer trivialFetchers(org.springframework.context.ApplicationContext context) {
        return builder -> builder.typeVisitors(java.util.List.of(new TrivialFetchers(context::getBean)));
    }

    /**
     * The instrumentation beans, in the order Spring Boot gives them to the schema, chained so that per-field hooks none
     * of them implements cost nothing ({@link InstrumentationChain}); this replaces the chain Spring for GraphQL builds.
     */
    @Bean
    GraphQlSourceBuilderCustomizer instrumentationChain(
            org.springframework.beans.factory.ObjectProvider<graphql.execution.instrumentation.Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(
                new InstrumentationChain(instrumentations.orderedStream().toList())));
    }

    @Bean
    RequestTransaction requestTransaction(PlatformTransactionManager transactions) {
        return new RequestTransaction(transactions);
    }

    @Bean
    ObservationPredicate rootFieldObservationsOnly() {
        return (name, context) -> !(context instanceof DataFetcherObservationContext fetcher)
                || fetcher.getEnvironment().getExecutionStepInfo().getPath().getLevel() == 1;
    }
}
