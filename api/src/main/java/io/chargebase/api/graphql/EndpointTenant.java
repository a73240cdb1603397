package io.chargebase.api.graphql;


import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.chargebase.tenancy.TenantRef;

/**
 * The tenant an anonymous caller addresses: a white-label app sends its public operations (sign-up, password
 * reset) to {@code /t/{slug}/graphql}, the GraphQL endpoint under its tenant's issuer, or to {@code /graphql} on
 * the tenant's own host. The resource server checks
 * the slug (and that a token, if any, is that tenant's); this puts it into the GraphQL context.
 */
@Configuration(proxyBeanMethods = false)
public class EndpointTenant {

    /** Request attribute and GraphQL context key holding the {@link TenantRef} of the endpoint. */
    public static final String KEY = "chargebase.endpointTenant";
    /** GraphQL context key holding the caller's address, for rate limits. */
    public static final String CLIENT_ADDRESS = "chargebase.clientAddress";
    /** GraphQL context key holding the host the request was sent to (after trusted proxies' forwarding headers). */
    public static final String REQUEST_HOST = "chargebase.requestHost";

    private static final Pattern PATH = Pattern.compile("/t/([^/]+)/graphql");

    /** The slug in a tenant GraphQL endpoint path, if the path is one. */
    public static Optional<String> slugOf(String path) {
        Matcher matcher = PATH.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Bean
    RouterFunction<ServerResponse> tenantGraphQlEndpoint(GraphQlHttpHandler handler) {
        return RouterFunctions.route().POST("/t/{slug}/graphql", handler::handleRequest).build();
    }

    @Bean
    WebGraphQlInterceptor endpointTenantInterceptor() {
        return (request, chain) -> {
            Object tenant = request.getAttributes().get(KEY);
            String address = request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getHostString();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
                if (tenant instanceof TenantRef ref) {
                    context.put(KEY, ref);
                }
                context.put(CLIENT_ADDRESS, address);
                if (request.getUri().getHost() != null) {
                    context.put(REQUEST_HOST, request.getUri().getHost());
                }
            }).build());
            return chain.next(request);
        };
    }

}
