package io.chargebase.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import io.chargebase.domain.identity.PlatformUser;
import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserStatus;
import io.chargebase.domain.identity.Users;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * What Chargebase's tokens say. For a signed-in person: their user id as subject, e-mail and name, and in the access
 * token the tenant, their role, an OU admin's unit and a driver's profile, read afresh at every issue (so a refresh
 * picks up a changed role, and a disabled account gets no more tokens), and the user's token epoch, which a
 * password change, disabling or signing out everywhere moves on so that the token is refused. For a client acting for itself: the tenant
 * and the client's roles.
 */
class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String OU_ID = "ou_id";
    static final String PROFILE_ID = "profile_id";

    private final Users users;
    private final PlatformUsers platformUsers;

    TokenClaimsCustomizer(Users users, PlatformUsers platformUsers) {
        this.users = users;
        this.platformUsers = platformUsers;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (accessToken) {
            context.getClaims().audience(new java.util.ArrayList<>(List.of(context.getRegisteredClient().getClientId(), Claims.API_AUDIENCE)));
            if (isPublic(context.getRegisteredClient())) {
                context.getClaims().claim(Claims.PUBLIC_CLIENT, true);
            }
        }
        Optional<Principals.Person> person = Principals.parse(context.getPrincipal().getName());
        if (person.isEmpty()) {
            if (accessToken) {
                tenantClaim(context);
                context.getClaims().claim(Claims.ROLES, roles(ClientRegistrations.rolesOf(context.getRegisteredClient()).stream()
                        .map(Role::name).toList()));
            }
            return;
        }
        if (person.get().issuer() instanceof TenantScope.Platform) {
            PlatformUser user = platformUsers.find(person.get().userId())
                    .filter(found -> found.status() == UserStatus.ACTIVE)
                    .orElseThrow(TokenClaimsCustomizer::accountGone);
            context.getClaims().subject(user.id().toString()).claim("email", user.email()).claim("name", user.name());
            if (accessToken) {
                context.getClaims().claim(Claims.ROLES, roles(List.of(Role.PLATFORM_ADMIN.name())));
            }
            return;
        }
        User user = users.find(person.get().userId())
                .filter(found -> found.status() == UserStatus.ACTIVE)
                .orElseThrow(TokenClaimsCustomizer::accountGone);
        context.getClaims().subject(user.id().toString()).claim("email", user.email()).claim("name", user.name());
        if (accessToken) {
            tenantClaim(context);
            context.getClaims().claim(Claims.ROLES, roles(List.of(Role.of(user.role()).name())));
            context.getClaims().claim(io.chargebase.api.revocation.Revocations.EPOCH_CLAIM, users.tokenEpoch(user.id()).orElse(0));
            if (user.organisationUnitId() != null) {
                context.getClaims().claim(OU_ID, user.organisationUnitId().toString());
            }
            if (user.profileId() != null) {
                context.getClaims().claim(PROFILE_ID, user.profileId().toString());
            }
        }
    }

    /** A client without a secret, whose tokens live on devices the tenant does not control. */
    private static boolean isPublic(org.springframework.security.oauth2.server.authorization.client.RegisteredClient client) {
        return client.getClientAuthenticationMethods().equals(java.util.Set.of(
                org.springframework.security.oauth2.core.ClientAuthenticationMethod.NONE));
    }

    /**
     * Claims are stored with the authorization and read back through Spring Security's allow-listed JSON types,
     * which know ArrayList but not the JDK's immutable lists.
     */
    private static List<String> roles(List<String> names) {
        return new java.util.ArrayList<>(names);
    }

    private static void tenantClaim(JwtEncodingContext context) {
        if (TenantContext.current() instanceof TenantScope.OfTenant(var tenantId, var narrowing)) {
            context.getClaims().claim(Claims.TENANT_ID, tenantId.toString());
        }
    }

    private static OAuth2AuthenticationException accountGone() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The account is disabled or no longer exists.", null));
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
