package io.chargebase.api.stripe;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Stripe's webhooks carry no token: their signature is their authentication, checked by {@link StripeWebhooks}. */
@Configuration(proxyBeanMethods = false)
class StripeWebhookSecurity {

    @Bean
    @Order(-1)
    SecurityFilterChain stripeWebhookChain(HttpSecurity http) {
        http.securityMatcher("/webhooks/stripe");
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
