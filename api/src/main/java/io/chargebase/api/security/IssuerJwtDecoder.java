package io.chargebase.api.security;

import java.text.ParseException;
import java.time.Duration;
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
import org.springframework.security.oauth2.jwt.JwtValidationException;
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
 * <p>
 * A client sends the same token with every request until it expires, so a token whose signature was verified is
 * remembered for {@code remembered} (the time an instance trusts what it last read elsewhere, see
 * {@code chargebase.security.revocation-cache}): within it, the token is not parsed and its signature not checked
 * again, but every validation (expiry, tenant, audience, revocation) still runs at each use, and any change of signing
 * keys that this instance learns of (a rotation, a retirement, here or on another replica) forgets them all.
 */
public class IssuerJwtDecoder implements JwtDecoder {

    private static final int MAX_REMEMBERED = 5_000;

    /** An issuer's decoder and what it validates. */
    private record Decoder(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
    }

    /** {@code keys}: the signing keys' generation the signature was checked against. */
    private record Verified(Jwt jwt, OAuth2TokenValidator<Jwt> validator, long verifiedAt, long keys) {
    }

    private final Issuers issuers;
    private final SigningKeys keys;
    private final Map<TenantScope, Decoder> decoders = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final OAuth2TokenValidator<Jwt> stillStands;
    private final long rememberedNanos;

    public IssuerJwtDecoder(Issuers issuers, SigningKeys keys) {
        this(issuers, keys, jwt -> OAuth2TokenValidatorResult.success(), Duration.ZERO);
    }

    /**
     * {@code stillStands} refuses tokens revoked since they were issued (see the revocation package); a verified
     * signature is trusted for {@code remembered}.
     */
    public IssuerJwtDecoder(Issuers issuers, SigningKeys keys, OAuth2TokenValidator<Jwt> stillStands, Duration remembered) {
        this.issuers = issuers;
        this.keys = keys;
        this.stillStands = stillStands;
        this.rememberedNanos = remembered.toNanos();
    }

    @Override
    public Jwt decode(String token) {
        long now = System.nanoTime();
        long generation = keys.generation();
        Verified known = rememberedNanos > 0 ? verified.get(token) : null;
        if (known != null && now - known.verifiedAt() < rememberedNanos && known.keys() == generation) {
            OAuth2TokenValidatorResult result = known.validator().validate(known.jwt());
            if (result.hasErrors()) {
                verified.remove(token);
                String description = result.getErrors().stream().map(OAuth2Error::getDescription).filter(Objects::nonNull).findFirst()
                        .orElse("Unable to validate Jwt");
                throw new JwtValidationException(description, result.getErrors());
            }
            return known.jwt();
        }
        Verified fresh = verify(token, now, generation);
        if (rememberedNanos > 0) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, fresh);
        }
        return fresh.jwt();
    }

    private Verified verify(String token, long now, long generation) {
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
        Decoder decoder = decoders.computeIfAbsent(issuer.scope(), this::decoderFor);
        Jwt jwt = decoder.decoder().decode(token);
        if (!issuerUrl.equals(jwt.getClaimAsString("iss"))) {
            throw new BadJwtException("The token's issuer changed while it was read.");
        }
        return new Verified(jwt, decoder.validator(), now, generation);
    }

    private Decoder decoderFor(TenantScope scope) {
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
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), tenantMatches, forThisApi,
                stillStands);
        decoder.setJwtValidator(validator);
        return new Decoder(decoder, validator);
    }
}
