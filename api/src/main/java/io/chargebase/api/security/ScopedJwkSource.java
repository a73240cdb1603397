package io.chargebase.api.security;

import java.util.List;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The authorization server's key source: keys of whichever issuer the current request is for. The key set endpoint
 * publishes every key that still verifies; the token encoder sees only the one key it signs with.
 */
class ScopedJwkSource implements JWKSource<SecurityContext> {

    private final Supplier<JWKSet> keys;

    private ScopedJwkSource(Supplier<JWKSet> keys) {
        this.keys = keys;
    }

    static ScopedJwkSource published(SigningKeys keys) {
        return new ScopedJwkSource(keys::currentKeys);
    }

    static ScopedJwkSource signing(SigningKeys keys) {
        return new ScopedJwkSource(keys::signingKey);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys.get());
    }
}
