package io.chargebase.api.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
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
    private final FailedSignIns failures;

    IssuerLoginFilter(UserLogin login, FailedSignIns failures) {
        super(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/t/*/login"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/platform/login"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login")));
        this.login = login;
        this.failures = failures;
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
        Duration wait = failures.waitFor(request.getRemoteAddr());
        if (wait.isPositive()) {
            long minutes = Math.max(1, wait.plusSeconds(59).toMinutes());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many failed sign-ins from your network address. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."));
            return null;
        }
        try {
            return login.authenticate(request.getParameter("username"), request.getParameter("password"));
        } catch (BadCredentialsException | LockedException | DisabledException wrong) {
            failures.failed(request.getRemoteAddr());
            throw wrong;
        }
    }

    private static String loginPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
