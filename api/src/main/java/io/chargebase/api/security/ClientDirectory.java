package io.chargebase.api.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/** A tenant admin's view of the applications registered with their issuer: list, register, remove. */
@Component
public class ClientDirectory {

    public enum Kind { DRIVER_APP, PORTAL, INTEGRATION }

    /** A registered client as the admin sees it; its secret is never shown again. */
    public record Client(String clientId, String name, Kind kind, List<String> redirectUris, List<Role> roles, Instant createdAt) {
    }

    /** A just-registered client with its secret, shown this once. */
    public record Registered(Client client, String clientSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final ClientRegistrations registrations;
    private final TransactionTemplate transactions;

    ClientDirectory(JdbcClient jdbc, RegisteredClientRepository clients, ClientRegistrations registrations,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.registrations = registrations;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public List<Client> list() {
        return transactions.execute(status -> {
            List<Client> found = new ArrayList<>();
            for (String clientId : jdbc.sql("select client_id from oauth2_registered_client order by client_id").query(String.class).list()) {
                found.add(view(clients.findByClientId(clientId)));
            }
            return found;
        });
    }

    public Registered register(String clientId, String name, Kind kind, List<String> redirectUris, Set<Role> roles) {
        if (kind == null) {
            throw new DomainException(ErrorCode.REQUIRED, "kind", "Say which kind of client this is.");
        }
        return transactions.execute(status -> switch (kind) {
            case DRIVER_APP -> new Registered(view(registrations.registerDriverApp(clientId, name, redirectUris)), null);
            case PORTAL -> {
                String secret = newSecret();
                yield new Registered(view(registrations.registerPortal(clientId, secret, name, redirectUris)), secret);
            }
            case INTEGRATION -> {
                if (roles == null || roles.isEmpty() || !Set.of(Role.TENANT_ADMIN, Role.ANALYST).containsAll(roles)) {
                    throw new DomainException(ErrorCode.INVALID, "roles", "An integration acts as TENANT_ADMIN or ANALYST.");
                }
                String secret = newSecret();
                yield new Registered(view(registrations.registerIntegration(clientId, secret,
                        io.chargebase.domain.Text.required("name", name, 200), roles)), secret);
            }
        });
    }

    /** Removes the client and every authorization (and so every refresh token) issued to it. */
    public String remove(String clientId) {
        return transactions.execute(status -> {
            RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
            if (client == null) {
                throw DomainException.notFound("clientId", "client", clientId);
            }
            jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(client.getId()).update();
            jdbc.sql("delete from oauth2_registered_client where id = ?").param(client.getId()).update();
            return clientId;
        });
    }

    private static Client view(RegisteredClient client) {
        Kind kind = client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS) ? Kind.INTEGRATION
                : client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE) ? Kind.DRIVER_APP : Kind.PORTAL;
        return new Client(client.getClientId(), client.getClientName(), kind, List.copyOf(client.getRedirectUris()),
                List.copyOf(ClientRegistrations.rolesOf(client)), client.getClientIdIssuedAt());
    }

    private static String newSecret() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
