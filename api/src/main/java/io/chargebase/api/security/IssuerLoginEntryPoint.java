package io.chargebase.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Sends a browser that must sign in to the login page of the issuer it came to. */
class IssuerLoginEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // on a white-label host the issuer is the host's root
        String issuer = Issuers.issuerPathOf(path).orElse("");
        response.sendRedirect(request.getContextPath() + issuer + "/login");
    }
}
