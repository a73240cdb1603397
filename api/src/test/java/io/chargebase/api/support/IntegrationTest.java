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

    protected Tokens tokens() {
        return new Tokens(baseUrl());
    }

    /** A new tenant with an integration client acting as its tenant admin. */
    protected TestTenant aTenant() {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Tenant tenant = tenants.create(new NewTenant(slug, "Tenant " + slug, "EUR", "Europe/Amsterdam"));
        String secret = "secret-" + UUID.randomUUID();
        TenantContext.runAs(TenantScope.of(tenant.id()),
                () -> clients.registerIntegration("admin-client", secret, "Admin", Set.of(Role.TENANT_ADMIN)));
        return new TestTenant(tenant, "/t/" + slug, "admin-client", secret);
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
