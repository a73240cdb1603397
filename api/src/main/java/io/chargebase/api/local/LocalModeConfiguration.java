package io.chargebase.api.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import io.chargebase.api.database.DatabaseTarget;
import io.chargebase.api.security.ClientRegistrations;
import io.chargebase.api.security.SigningKeys;
import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.domain.identity.Users;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.Tenants;

@Configuration(proxyBeanMethods = false)
class LocalModeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalModeConfiguration.class);

    /** Every start: the platform issuer needs a key before it can sign; local mode then seeds its demo data. */
    @Bean
    ApplicationRunner startup(SigningKeys keys, DatabaseTarget database, Tenants tenants, OrganisationUnits units,
            Profiles profiles, ClientRegistrations clients, Users users, PlatformUsers platformUsers,
            io.chargebase.domain.assets.Locations locations, io.chargebase.domain.assets.ChargePoints chargePoints,
            io.chargebase.domain.tokens.Tokens tokens, io.chargebase.domain.assets.LocationGroups locationGroups,
            io.chargebase.domain.organisation.Groups groups, io.chargebase.domain.tariffs.Tariffs tariffs,
            io.chargebase.domain.tariffs.TariffGroups tariffGroups, io.chargebase.domain.tariffs.TariffPlans tariffPlans) {
        return args -> {
            keys.ensurePlatformKey();
            if (database.local()) {
                new DemoData(tenants, units, profiles, clients, users, platformUsers, locations, chargePoints, tokens, locationGroups, groups,
                        new DemoData.Pricing(tariffs, tariffGroups, tariffPlans)).seed();
            }
        };
    }

    @EventListener
    void printWelcome(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        DatabaseTarget database = event.getApplicationContext().getBean(DatabaseTarget.class);
        if (!database.local()) {
            return;
        }
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder()
                .append("\n\n  Chargebase is running in local mode (embedded PostgreSQL).\n")
                .append("  GraphiQL:  ").append(base).append("/graphiql\n")
                .append("  Demo clients (local mode only):\n");
        DemoData.demoCredentials().forEach(line -> text.append("    ").append(line).append('\n'));
        text.append("  Get a token for tenant demo:\n")
                .append("    curl -s -u demo-integration:demo-secret -d grant_type=client_credentials ")
                .append(base).append("/t/demo/oauth2/token\n")
                .append("  then send it as 'Authorization: Bearer <access_token>' to ").append(base).append("/graphql\n");
        log.info(text.toString());
    }
}
