package io.chargebase.api.graphql.scope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScopeConfiguration {

    @Bean
    FieldPolicyInstrumentation fieldPolicyInstrumentation(VisibleIdTags visibleIdTags) {
        return new FieldPolicyInstrumentation(visibleIdTags);
    }
}
