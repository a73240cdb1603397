package io.chargebase.domain.identity;

import java.time.Instant;

/** The outcome of a sign-in attempt. Callers show all failures alike, so as not to reveal which accounts exist. */
public sealed interface LoginResult {

    record Success(User user) implements LoginResult {
    }

    record PlatformSuccess(PlatformUser user) implements LoginResult {
    }

    record BadCredentials() implements LoginResult {
    }

    record Locked(Instant until) implements LoginResult {
    }

    record Disabled() implements LoginResult {
    }

    /** The password was right, but the e-mail address has not been confirmed yet. */
    record Unverified() implements LoginResult {
    }
}
