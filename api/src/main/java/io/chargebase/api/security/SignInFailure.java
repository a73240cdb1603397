package io.chargebase.api.security;

import java.util.Optional;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.AuthenticationException;

/**
 * Why a sign-in failed, as the sign-in page may say it. The page's {@code ?error=} carries one of these names, never
 * text: a link with its own message must not put words on the tenant's page. A wrong password, a locked account
 * and a disabled one are all {@link #FAILED}, so the answer never tells whether an address has an account.
 */
enum SignInFailure {

    FAILED("Wrong e-mail address or password. After five wrong passwords in a row an account is locked for 15 minutes."),
    UNVERIFIED("Confirm your e-mail address first with the code we mailed you.");

    private final String message;

    SignInFailure(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SignInFailure of(AuthenticationException exception) {
        return exception instanceof Unverified ? UNVERIFIED : FAILED;
    }

    /** The message for a page's {@code ?error=} value; any value not ours reads as a plain failure. */
    static Optional<String> messageFor(String parameter) {
        if (parameter == null) {
            return Optional.empty();
        }
        return Optional.of(UNVERIFIED.parameter().equals(parameter) ? UNVERIFIED.message : FAILED.message);
    }

    /** The password was right, but the address is not confirmed yet. */
    static final class Unverified extends AccountStatusException {

        Unverified() {
            super(UNVERIFIED.message);
        }
    }
}
