package io.chargebase.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Refusals written by filters, in the OAuth2 error shape clients already parse. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static void write(HttpServletResponse response, int status, String error, String description) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\""
                + description.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    static void tenantSuspended(HttpServletResponse response, String slug) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "tenant_suspended",
                "Tenant '" + slug + "' is suspended; its requests are refused until the platform operator reactivates it.");
    }
}
