package io.chargebase.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.transaction.PlatformTransactionManager;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import io.chargebase.tenancy.Tenants;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The authorization server: one issuer per tenant at /t/{slug}, the platform's at /platform. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, Issuers issuers, JwtDecoder jwtDecoder) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.addFilterBefore(new IssuerScopeFilter(issuers), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(jwtDecoder)));
        return http.build();
    }

    /** The API: bearer tokens only, no sessions; GraphQL decides per operation who may call it. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, Tenants tenants) {
        http.securityMatcher("/**");
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/graphql", "/graphiql", "/graphiql/**", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .anyRequest().authenticated());
        // Bearer tokens travel in a header the browser never adds by itself, so there is nothing to forge.
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt
                .decoder(jwtDecoder)
                .jwtAuthenticationConverter(rolesConverter())));
        http.addFilterAfter(new RequestScopeFilter(tenants), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new TransactionalClientRepository(new JdbcRegisteredClientRepository(jdbc), transactionManager);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients,
            PlatformTransactionManager transactionManager) {
        return new TransactionalAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients), transactionManager);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ScopedJwkSource(keys);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaimsCustomizer() {
        return new TokenClaimsCustomizer();
    }

    @Bean
    JwtDecoder jwtDecoder(Issuers issuers, SigningKeys keys) {
        return new IssuerJwtDecoder(issuers, keys);
    }

    private static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Claims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
