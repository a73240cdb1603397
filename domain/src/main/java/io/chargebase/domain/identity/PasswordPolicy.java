package io.chargebase.domain.identity;

import java.util.Locale;
import java.util.Set;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * What a password must be: at least 10 characters (NIST SP 800-63B asks for 8; drivers' accounts hold payment
 * methods), at most 128, not a well-known password, not the e-mail address, not one character repeated.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final Set<String> WELL_KNOWN = Set.of("password12", "password123", "1234567890", "0123456789",
            "qwertyuiop", "iloveyou12", "letmein123", "welcome123", "changeme12", "administrator", "passw0rd12",
            "chargebase1", "1q2w3e4r5t", "abcdefghij", "qwerty1234");

    private PasswordPolicy() {
    }

    public static String check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, field, "A password is required.");
        }
        if (password.length() < MIN_LENGTH) {
            throw weak(field, "A password has at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCode.TOO_LONG, field, "A password has at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            throw weak(field, "This password is too easy to guess.");
        }
        if (password.chars().distinct().count() < 4) {
            throw weak(field, "A password needs more different characters.");
        }
        return password;
    }

    private static DomainException weak(String field, String message) {
        return new DomainException(ErrorCode.WEAK_PASSWORD, field, message);
    }
}
