package io.chargebase.api.security;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers OAuth2 clients with the issuer the current thread acts for. Secrets are stored hashed; the roles a
 * client's tokens carry are kept in its client settings.
 */
@Component
public class ClientRegistrations {

    static final String ROLES_SETTING = "chargebase.roles";
    static final Duration INTEGRATION_TOKEN_TTL = Duration.ofMinutes(30);
    static final Duration USER_ACCESS_TOKEN_TTL = Duration.ofMinutes(10);
    static final Duration USER_REFRESH_TOKEN_TTL = Duration.ofDays(30);
    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,99}");

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;

    ClientRegistrations(RegisteredClientRepository clients, PasswordEncoder passwordEncoder) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
    }

    /** A machine client using the client-credentials grant, e.g. a tenant's back-office integration. */
    public RegisteredClient registerIntegration(String clientId, String secret, String name, Set<Role> roles) {
        checkNew(clientId);
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(passwordEncoder.encode(secret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("api")
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .setting(ROLES_SETTING, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(INTEGRATION_TOKEN_TTL).build())
                .build();
        clients.save(client);
        return client;
    }

    /**
     * A public client for the driver app: authorization code with PKCE, no secret, rotating refresh tokens, and no
     * consent screen (it is the tenant's own app).
     */
    public RegisteredClient registerDriverApp(String clientId, String name, java.util.List<String> redirectUris) {
        return registerInteractive(clientId, null, name, redirectUris);
    }

    /** A confidential client for a web portal: authorization code with PKCE and a secret, rotating refresh tokens. */
    public RegisteredClient registerPortal(String clientId, String secret, String name, java.util.List<String> redirectUris) {
        return registerInteractive(clientId, secret, name, redirectUris);
    }

    private RegisteredClient registerInteractive(String clientId, String secret, String name, java.util.List<String> redirectUris) {
        checkNew(clientId);
        boolean publicClient = secret == null;
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(io.chargebase.domain.Text.required("name", name, 200))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(RedirectUris.validate("redirectUris", redirectUris, publicClient)))
                .postLogoutRedirectUris(uris -> uris.addAll(RedirectUris.validate("redirectUris", redirectUris, publicClient)))
                .scope("openid").scope("profile").scope("email").scope("api")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(USER_ACCESS_TOKEN_TTL)
                        .refreshTokenTimeToLive(USER_REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build());
        if (publicClient) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(passwordEncoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        RegisteredClient client = builder.build();
        clients.save(client);
        return client;
    }

    private void checkNew(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new io.chargebase.domain.DomainException(io.chargebase.domain.ErrorCode.INVALID, "clientId",
                    "A client id has 3 to 100 letters, digits, dots, dashes and underscores.");
        }
        if (clients.findByClientId(clientId) != null) {
            throw new io.chargebase.domain.DomainException(io.chargebase.domain.ErrorCode.DUPLICATE, "clientId",
                    "Client '" + clientId + "' is already registered with this issuer.");
        }
    }

    /** Whether the issuer acted for already has this client. */
    public boolean isRegistered(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    static Set<Role> rolesOf(RegisteredClient client) {
        Object setting = client.getClientSettings().getSetting(ROLES_SETTING);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : TokenClaimsCustomizer.split(setting == null ? null : setting.toString())) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }
}
