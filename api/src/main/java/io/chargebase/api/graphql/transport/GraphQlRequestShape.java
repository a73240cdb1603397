package io.chargebase.api.graphql.transport;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a body that says what to send, what a GraphQL endpoint cannot take: a method other than POST (GET
 * stays open for the WebSocket handshake of subscriptions) and a body that is not JSON.
 */
final class GraphQlRequestShape extends OncePerRequestFilter {

    private static final Set<MediaType> JSON_TYPES = Set.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.parseMediaType("application/graphql"));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !GraphQlErrorBody.isGraphQlEndpoint(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean webSocket = "GET".equals(method) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if ("OPTIONS".equals(method) || webSocket) {
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(method)) {
            response.setHeader("Allow", "POST");
            GraphQlErrorBody.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "BAD_REQUEST",
                    method + " is not supported here: send queries and mutations with POST and a JSON body "
                            + "{\"query\": \"...\", \"variables\": {...}}; subscriptions open a WebSocket (graphql-transport-ws) on this path.");
            return;
        }
        String contentType = request.getContentType();
        if (!acceptsBody(contentType)) {
            response.setHeader("Accept-Post", "application/json");
            GraphQlErrorBody.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "BAD_REQUEST",
                    (contentType == null ? "The request has no Content-Type" : "Content-Type " + contentType + " is not supported")
                            + ": send the body as Content-Type: application/json, a JSON object {\"query\": \"...\", \"variables\": {...}}.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return JSON_TYPES.stream().anyMatch(json -> json.includes(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
