package io.chargebase.api.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Takes the login form posted to {@code /t/{slug}/login} or {@code /platform/login}, signs the person in at that
 * issuer and returns them to the authorization request that sent them. Failures go back to the form with the
 * name of a {@link SignInFailure}, which does not say whether the account exists.
 */
class IssuerLoginFilter extends AbstractAuthenticationProcessingFilter {

    private final UserLogin login;

    IssuerLoginFilter(UserLogin login) {
        super(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/t/*/login"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/platform/login"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login")));
        this.login = login;
        setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
                return loginPath(request) + "?signed-in";
            }
        };
        setAuthenticationSuccessHandler(success);
        setAuthenticationFailureHandler((request, response, exception) ->
                response.sendRedirect(request.getContextPath() + loginPath(request) + "?error="
                        + URLEncoder.encode(SignInFailure.of(exception).parameter(), StandardCharsets.UTF_8)));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException, IOException {
        return login.authenticate(request.getParameter("username"), request.getParameter("password"));
    }

    private static String loginPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
