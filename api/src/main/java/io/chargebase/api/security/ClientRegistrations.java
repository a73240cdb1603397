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

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;

    ClientRegistrations(RegisteredClientRepository clients, PasswordEncoder passwordEncoder) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
    }

    /** A machine client using the client-credentials grant, e.g. a tenant's back-office integration. */
    public RegisteredClient registerIntegration(String clientId, String secret, String name, Set<Role> roles) {
        if (clients.findByClientId(clientId) != null) {
            throw new IllegalArgumentException("Client '" + clientId + "' is already registered with this issuer.");
        }
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
