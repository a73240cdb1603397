package io.chargebase.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps only the SHA-256 of every token value in {@code oauth2_authorization} ({@value #PREFIX} and 64 hex digits):
 * authorization codes, access, refresh and ID tokens, device and user codes. Someone who reads the table learns no
 * token that works. Lookups hash the presented value; the authorization found carries the presented value again
 * for that token (the authorization server compares it), its other tokens stay hashed, and hashed values are never
 * hashed twice when it is saved back.
 *
 * <p>The consent {@code state} stays in clear: it is no credential, and the authorization server looks it up by value.
 */
final class HashedTokenAuthorizationService implements OAuth2AuthorizationService {

    static final String PREFIX = "sha256:";
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private record Kind<T extends OAuth2Token>(Class<T> type, BiFunction<T, String, T> withValue) {

        OAuth2Token copy(OAuth2Token token, String value) {
            return withValue.apply(type.cast(token), value);
        }
    }

    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>(OAuth2AuthorizationCode.class, (t, v) -> new OAuth2AuthorizationCode(v, t.getIssuedAt(), t.getExpiresAt())),
            new Kind<>(OAuth2AccessToken.class, (t, v) -> new OAuth2AccessToken(t.getTokenType(), v, t.getIssuedAt(), t.getExpiresAt(), t.getScopes())),
            new Kind<>(OAuth2RefreshToken.class, (t, v) -> new OAuth2RefreshToken(v, t.getIssuedAt(), t.getExpiresAt())),
            new Kind<>(OidcIdToken.class, (t, v) -> new OidcIdToken(v, t.getIssuedAt(), t.getExpiresAt(), t.getClaims())),
            new Kind<>(OAuth2UserCode.class, (t, v) -> new OAuth2UserCode(v, t.getIssuedAt(), t.getExpiresAt())),
            new Kind<>(OAuth2DeviceCode.class, (t, v) -> new OAuth2DeviceCode(v, t.getIssuedAt(), t.getExpiresAt())));

    private final OAuth2AuthorizationService delegate;

    HashedTokenAuthorizationService(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        delegate.save(replacing(authorization, value -> isHash(value) ? value : hash(value)));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (STATE.equals(tokenType)) {
            return delegate.findByToken(token, tokenType);
        }
        String hash = hash(token);
        OAuth2Authorization found = delegate.findByToken(hash, tokenType);
        if (found == null) {
            return tokenType == null ? delegate.findByToken(token, STATE) : null;
        }
        return replacing(found, value -> value.equals(hash) ? token : value);
    }

    /** The SHA-256 of a token value as stored; the migration of older rows computes the same in SQL. */
    static String hash(String value) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isHash(String value) {
        return value.length() == PREFIX.length() + 64 && value.startsWith(PREFIX);
    }

    private static OAuth2Authorization replacing(OAuth2Authorization authorization, java.util.function.UnaryOperator<String> values) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
        boolean changed = false;
        for (Kind<?> kind : KINDS) {
            OAuth2Authorization.Token<?> held = authorization.getToken(kind.type());
            if (held == null) {
                continue;
            }
            String value = held.getToken().getTokenValue();
            String replaced = values.apply(value);
            if (!replaced.equals(value)) {
                // the builder keeps the token's metadata (invalidated, claims) when a token of its class is replaced
                builder.token(kind.copy(held.getToken(), replaced), metadata -> { });
                changed = true;
            }
        }
        return changed ? builder.build() : authorization;
    }
}
