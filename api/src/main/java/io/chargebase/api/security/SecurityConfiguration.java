package io.chargebase.api.security;

import java.time.Clock;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.domain.identity.Users;
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


@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Chargers' OCPP sockets: no OAuth tokens and no sessions; the WebSocket handshake authenticates each charger
     * with HTTP Basic against its charge point's secret, acting for the tenant of the path (see the ocpp package).
     */
    @Bean
    @Order(0)
    SecurityFilterChain ocpp(HttpSecurity http) {
        http.securityMatcher("/ocpp/**");
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The authorization server: one issuer per tenant at /t/{slug}, the platform's at /platform. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, Issuers issuers, JwtDecoder jwtDecoder,
            RegisteredClientRepository clients) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
            server.clientAuthentication(clientAuthentication -> clientAuthentication
                    .authenticationConverters(converters -> converters.addFirst(new PublicClientRefresh.Converter()))
                    .authenticationProviders(providers -> providers.addFirst(new PublicClientRefresh.Provider(clients))));
        });
        http.addFilterBefore(new IssuerScopeFilter(issuers), SecurityContextHolderFilter.class);
        http.addFilterAfter(new SessionIssuerGuard(), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new IssuerLoginEntryPoint(), browsers()));
        http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(jwtDecoder)));
        return http.build();
    }

    /** Each issuer's sign-in page: a browser session, protected against cross-site request forgery. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, Issuers issuers, UserLogin login, FailedSignIns failures) {
        http.securityMatcher("/t/*/login", "/platform/login", "/login");
        http.addFilterBefore(new IssuerScopeFilter(issuers), SecurityContextHolderFilter.class);
        http.addFilterBefore(new IssuerLoginFilter(login, failures), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        return http.build();
    }

    /** A request on the separate management port; none when the actuator shares the application's port. */
    private static RequestMatcher onManagementPort(org.springframework.core.env.Environment environment) {
        return request -> String.valueOf(request.getLocalPort()).equals(environment.getProperty("local.management.port"));
    }

    private static RequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /** The API: bearer tokens only, no sessions; GraphQL decides per operation who may call it. */
    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, KnownTenants tenants, io.chargebase.api.http.PlatformHosts platformHosts,
            org.springframework.core.env.Environment environment) {
        http.securityMatcher("/**");
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/graphql", "/graphql/csv", "/graphql/trusted-documents", "/t/*/graphql", "/graphiql", "/graphiql/**", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // the scrape needs no token on the management port, which only the cluster reaches (no ingress routes it)
                .requestMatchers(onManagementPort(environment)).permitAll()
                .anyRequest().authenticated());
        // Bearer tokens travel in a header the browser never adds by itself, so there is nothing to forge.
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(new ExplainingBearerEntryPoint()).jwt(jwt -> jwt
                .decoder(jwtDecoder)
                .jwtAuthenticationConverter(rolesConverter())));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new ExplainingBearerEntryPoint()));
        http.addFilterAfter(new RequestScopeFilter(tenants, platformHosts), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Authentications and authorizations are observed; the filter chain is not: an observation begun and ended around
     * each of a dozen filters on every request told nothing the HTTP request's own span does not.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.withDefaults()
                .shouldObserveAuthentications(true).shouldObserveAuthorizations(true).build();
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
        return new TransactionalAuthorizationService(
                new HashedTokenAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients)), transactionManager);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return ScopedJwkSource.published(keys);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaimsCustomizer(Users users, PlatformUsers platformUsers) {
        return new TokenClaimsCustomizer(users, platformUsers);
    }

    /** JWT access and ID tokens with Chargebase's claims, and refresh tokens for public clients too. */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(SigningKeys keys, OAuth2TokenCustomizer<JwtEncodingContext> claims) {
        // only the issuer's current key: with several keys to choose from, the encoder would refuse to sign
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(ScopedJwkSource.signing(keys)));
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(), new PublicClientRefresh.Generator());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JwtDecoder jwtDecoder(Issuers issuers, SigningKeys keys, io.chargebase.api.revocation.Revocations revocations,
            @org.springframework.beans.factory.annotation.Value("${chargebase.security.revocation-cache:5s}") java.time.Duration remembered) {
        return new IssuerJwtDecoder(issuers, keys, revocations.validator(), remembered);
    }

    static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Claims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
