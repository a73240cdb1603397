package io.chargebase.api.graphql.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** Writes a refusal of the HTTP layer in the shape GraphQL clients read: one error with a message and a classification. */
public final class GraphQlErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern GRAPHQL_PATH = Pattern.compile("(/t/[^/]+)?/graphql");

    private GraphQlErrorBody() {
    }

    /** Whether the request went to a GraphQL endpoint ({@code /graphql} or a tenant's {@code /t/{slug}/graphql}). */
    public static boolean isGraphQlEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return GRAPHQL_PATH.matcher(path).matches();
    }

    public static void write(HttpServletResponse response, int status, String classification, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("errors",
                List.of(Map.of("message", message, "extensions", Map.of("classification", classification))))));
        response.getWriter().flush();
    }
}
