package io.chargebase.api.graphql.transport;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    /** After Spring Security's filters (the default order), so that a refused token is answered first. */
    @Bean
    FilterRegistrationBean<GraphQlRequestShape> graphQlRequestShape() {
        return new FilterRegistrationBean<>(new GraphQlRequestShape());
    }

    @Bean
    HandlerExceptionResolver unreadableGraphQlRequests() {
        return new UnreadableGraphQlRequests();
    }
}
