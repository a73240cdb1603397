package io.chargebase.api.security;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import io.chargebase.tenancy.TenantScope;

/**
 * Accepts a token only when it is signed with a key of the issuer it names, that issuer is Chargebase's own
 * ({@code /t/{slug}} or {@code /platform}), and its {@code tenant_id} claim is that issuer's tenant (none for
 * the platform), and its audience includes this API. A token of tenant A therefore never passes as tenant B's,
 * whatever its claims say, and an ID token is no access token. A token revoked since it was issued is refused too.
 */
public class IssuerJwtDecoder implements JwtDecoder {

    private final Issuers issuers;
    private final SigningKeys keys;
    private final Map<TenantScope, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private final OAuth2TokenValidator<Jwt> stillStands;

    public IssuerJwtDecoder(Issuers issuers, SigningKeys keys) {
        this(issuers, keys, jwt -> OAuth2TokenValidatorResult.success());
    }

    /** {@code stillStands} refuses tokens revoked since they were issued (see the revocation package). */
    public IssuerJwtDecoder(Issuers issuers, SigningKeys keys, OAuth2TokenValidator<Jwt> stillStands) {
        this.issuers = issuers;
        this.keys = keys;
        this.stillStands = stillStands;
    }

    @Override
    public Jwt decode(String token) {
        String issuerUrl;
        try {
            // an encrypted (JWE) or unsecured token has no claims to read here and is never one of ours
            if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
                throw new BadJwtException("The token is not a signed JWT.");
            }
            issuerUrl = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException malformed) {
            throw new BadJwtException("The token is not a well-formed JWT.", malformed);
        }
        if (issuerUrl == null) {
            throw new BadJwtException("The token names no issuer.");
        }
        Issuers.Issuer issuer = issuers.resolveUrl(issuerUrl)
                .orElseThrow(() -> new BadJwtException("The token's issuer is not one of this server's."));
        Jwt jwt = decoders.computeIfAbsent(issuer.scope(), this::decoderFor).decode(token);
        if (!issuerUrl.equals(jwt.getClaimAsString("iss"))) {
            throw new BadJwtException("The token's issuer changed while it was read.");
        }
        return jwt;
    }

    private JwtDecoder decoderFor(TenantScope scope) {
        // read per token, so keys rotated or retired on any replica apply here without a restart
        JWKSource<SecurityContext> issuerKeys = (selector, context) -> {
            List<JWK> found = selector.select(keys.publicKeysOf(scope));
            return found.isEmpty() ? selector.select(keys.publicKeysAfterUnknownKid(scope)) : found;
        };
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(issuerKeys).build();
        OAuth2TokenValidator<Jwt> tenantMatches = jwt -> {
            String claimed = jwt.getClaimAsString(Claims.TENANT_ID);
            String expected = scope instanceof TenantScope.OfTenant(var id, var narrowing) ? id.toString() : null;
            return Objects.equals(claimed, expected) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "The token's tenant is not its issuer's tenant.", null));
        };
        OAuth2TokenValidator<Jwt> forThisApi = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(Claims.API_AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for this API.", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), tenantMatches, forThisApi, stillStands));
        return decoder;
    }
}
