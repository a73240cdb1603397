package io.chargebase.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import tools.jackson.databind.json.JsonMapper;

import io.chargebase.api.graphql.transport.GraphQlErrorBody;

/**
 * A refused or missing bearer token: 401 with the {@code WWW-Authenticate} challenge RFC 6750 defines, and a body that
 * says what was wrong and where a token comes from, GraphQL-shaped on the GraphQL endpoints and
 * {@code application/problem+json} elsewhere.
 */
final class ExplainingBearerEntryPoint implements AuthenticationEntryPoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOW = "Get an access token from your issuer's token endpoint (POST /t/{slug}/oauth2/token, or "
            + "/platform/oauth2/token) and send it as Authorization: Bearer <token>; access tokens expire after 30 minutes.";

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        challenge.commence(request, response, exception);
        String reason = reason(exception);
        if (GraphQlErrorBody.isGraphQlEndpoint(request)) {
            GraphQlErrorBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", reason + " " + HOW);
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of(
                "type", "about:blank",
                "title", "Unauthorized",
                "status", HttpServletResponse.SC_UNAUTHORIZED,
                "detail", reason + " " + HOW,
                "instance", request.getRequestURI())));
    }

    private static String reason(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "The bearer token was refused" + (description == null ? "." : ": " + description + ".");
        }
        return "This request needs a bearer token.";
    }
}
