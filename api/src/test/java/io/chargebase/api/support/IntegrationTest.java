package io.chargebase.api.support;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.security.ClientRegistrations;
import io.chargebase.api.security.Role;
import io.chargebase.domain.identity.NewUser;
import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.identity.Users;
import io.chargebase.tenancy.NewTenant;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * The whole application on a random port against a fresh PostgreSQL database. Tests share the application and
 * the database, so each makes its own tenants with {@link #aTenant()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.Config.class)
public abstract class IntegrationTest {

    protected static final String PLATFORM_CLIENT = "platform-it";
    protected static final String PLATFORM_SECRET = "platform-it-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Tenants tenants;

    @Autowired
    protected ClientRegistrations clients;

    @Autowired
    protected Users users;

    @Autowired
    protected PlatformUsers platformUsers;

    protected static final String REDIRECT_URI = "http://localhost:3000/callback";
    protected static final String DRIVER_APP = "driver-app";
    protected static final String PORTAL = "portal";
    protected static final String PORTAL_SECRET = "portal-secret-value";
    protected static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Target database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected GraphQl graphQl() {
        return new GraphQl(baseUrl());
    }

    /** The tenant's own GraphQL endpoint, where its public account operations go. */
    protected GraphQl graphQlOf(TestTenant tenant) {
        return new GraphQl(baseUrl(), tenant.issuerPath() + "/graphql");
    }

    protected Tokens tokens() {
        return new Tokens(baseUrl());
    }

    /** A new tenant with an integration client acting as its tenant admin. */
    protected TestTenant aTenant() {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Tenant tenant = tenants.create(new NewTenant(slug, "Tenant " + slug, "EUR", "Europe/Amsterdam"));
        String secret = "secret-" + UUID.randomUUID();
        TenantContext.runAs(TenantScope.of(tenant.id()), () -> {
            clients.registerIntegration("admin-client", secret, "Admin", Set.of(Role.TENANT_ADMIN));
            clients.registerDriverApp(DRIVER_APP, "Driver app", java.util.List.of(REDIRECT_URI));
            clients.registerPortal(PORTAL, PORTAL_SECRET, "Portal", java.util.List.of(REDIRECT_URI));
        });
        return new TestTenant(tenant, "/t/" + slug, "admin-client", secret);
    }

    /** A user of the tenant with {@link #PASSWORD}; OU admins need a unit, drivers a profile. */
    protected User aUser(TestTenant tenant, UserRole role, UUID organisationUnitId, UUID profileId) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> {
            User user = users.create(new NewUser(email, "A " + role, role, organisationUnitId, profileId, PASSWORD));
            users.markEmailVerified(user.id());
            return users.find(user.id()).orElseThrow();
        });
    }

    protected Browser browser() {
        return new Browser(baseUrl());
    }

    /** Signs the user in through the portal client (or the driver app for drivers) and returns the token response. */
    protected JsonNode signIn(TestTenant tenant, User user) {
        boolean driver = user.role() == UserRole.DRIVER;
        Browser browser = browser();
        Browser.Pkce pkce = Browser.Pkce.create();
        String client = driver ? DRIVER_APP : PORTAL;
        String code = browser.authorizationCode(tenant.issuerPath(), client, REDIRECT_URI, pkce, user.email(), PASSWORD);
        GraphQl.Response tokens = browser.exchangeCode(tenant.issuerPath(), client, driver ? null : PORTAL_SECRET, code, REDIRECT_URI, pkce);
        if (tokens.status() != 200) {
            throw new AssertionError("Code exchange failed: " + tokens.raw());
        }
        return tokens.json();
    }

    protected String accessTokenOf(TestTenant tenant, User user) {
        return signIn(tenant, user).path("access_token").asString();
    }

    protected String tokenOf(TestTenant tenant) {
        return tokens().clientCredentials(tenant.issuerPath(), tenant.clientId(), tenant.secret());
    }

    protected synchronized String platformToken() {
        TenantContext.runAs(TenantScope.PLATFORM, () -> {
            if (!clients.isRegistered(PLATFORM_CLIENT)) {
                clients.registerIntegration(PLATFORM_CLIENT, PLATFORM_SECRET, "Platform IT", Set.of(Role.PLATFORM_ADMIN));
            }
        });
        return tokens().clientCredentials("/platform", PLATFORM_CLIENT, PLATFORM_SECRET);
    }

    protected JsonNode mutate(String token, String document, Map<String, ?> input) {
        String field = Character.toLowerCase(document.charAt(document.indexOf('/') + 1)) + document.substring(document.indexOf('/') + 2);
        return graphQl().document(token, document, Map.of("input", input)).payload(field);
    }

    public record TestTenant(Tenant tenant, String issuerPath, String clientId, String secret) {
    }
}
