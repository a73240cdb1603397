package io.chargebase.domain.identity;

/** How passwords are hashed and checked; the application supplies an adaptive, versioned scheme. */
public interface PasswordHashing {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String hash);
}
