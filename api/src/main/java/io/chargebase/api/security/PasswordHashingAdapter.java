package io.chargebase.api.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.chargebase.domain.identity.PasswordHashing;

/** Spring Security's delegating encoder (bcrypt now, upgradable by prefix) behind the domain's port. */
@Component
class PasswordHashingAdapter implements PasswordHashing {

    private final PasswordEncoder encoder;

    PasswordHashingAdapter(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(String rawPassword, String hash) {
        return encoder.matches(rawPassword, hash);
    }
}
