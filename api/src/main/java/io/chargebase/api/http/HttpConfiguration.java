package io.chargebase.api.http;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /** First of all filters, as Boot's own forwarded-header filter would be (its strategy is off in application.yml). */
    @Bean
    FilterRegistrationBean<ForwardedHeaders> forwardedHeaders(TrustedProxies proxies) {
        FilterRegistrationBean<ForwardedHeaders> registration = new FilterRegistrationBean<>(new ForwardedHeaders(proxies));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
