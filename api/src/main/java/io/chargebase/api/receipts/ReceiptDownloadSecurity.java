package io.chargebase.api.receipts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Receipt download links carry no token: their signature is their authentication, checked by {@link ReceiptDownload}. */
@Configuration(proxyBeanMethods = false)
class ReceiptDownloadSecurity {

    @Bean
    @Order(-1)
    SecurityFilterChain receiptDownloadChain(HttpSecurity http) {
        http.securityMatcher("/receipts/*/*");
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
