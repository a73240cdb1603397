package io.chargebase.api.security;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/** The authorization server's key source: the keys of whichever issuer the current request is for. */
class ScopedJwkSource implements JWKSource<SecurityContext> {

    private final SigningKeys keys;

    ScopedJwkSource(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys.currentKeys());
    }
}
