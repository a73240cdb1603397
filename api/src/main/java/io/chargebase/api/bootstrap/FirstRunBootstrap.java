package io.chargebase.api.bootstrap;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.security.ClientRegistrations;
import io.chargebase.api.security.Role;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Creates the first platform administrator and platform client, once per database. The marker row is inserted
 * first: a concurrent second run waits on it and then finds it, and any refusal (a weak password, a taken client
 * id) rolls the whole attempt back, marker included, so it can be corrected and run again.
 */
@Component
public class FirstRunBootstrap {

    static final int MIN_SECRET_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(FirstRunBootstrap.class);

    public enum Outcome { NOT_REQUESTED, CREATED, ALREADY_DONE }

    private final BootstrapProperties settings;
    private final PlatformUsers platformUsers;
    private final ClientRegistrations clients;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FirstRunBootstrap(BootstrapProperties settings, PlatformUsers platformUsers, ClientRegistrations clients, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.settings = settings;
        this.platformUsers = platformUsers;
        this.clients = clients;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Does the bootstrap if its settings are given and it never ran; fails, naming the setting, on bad input. */
    public Outcome runIfRequested() {
        if (!settings.requested()) {
            return Outcome.NOT_REQUESTED;
        }
        check();
        Optional<Done> earlier = TenantContext.callAs(TenantScope.PLATFORM, () -> transactions.execute(status -> {
            Optional<Done> done = earlier();
            if (done.isEmpty()) {
                create();
            }
            return done;
        }));
        if (earlier.isPresent()) {
            log.info("Bootstrap: already done on {} (administrator {}, client {}); nothing changed. The chargebase.bootstrap.* "
                    + "settings are ignored from now on: remove them.", earlier.get().at(), earlier.get().adminEmail(), earlier.get().clientId());
            return Outcome.ALREADY_DONE;
        }
        log.info("Bootstrap: created platform administrator {} and platform client {}{}. Remove the chargebase.bootstrap.* "
                + "settings now; they are never used again.", settings.adminEmail().strip(), settings.clientId().strip(),
                settings.withConsole() ? " and the console client " + settings.consoleClientId() : "");
        return Outcome.CREATED;
    }

    private void check() {
        if (!settings.missing().isEmpty()) {
            throw new IllegalStateException("Bootstrap: missing " + String.join(", ", settings.missing())
                    + " (the first platform administrator and client need all four; there are no defaults).");
        }
        if (settings.clientSecret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("Bootstrap: " + BootstrapProperties.PREFIX + "client-secret has " + settings.clientSecret().length()
                    + " characters; it needs at least " + MIN_SECRET_LENGTH + " (e.g. from 'openssl rand -base64 32').");
        }
    }

    /** Takes the marker, or finds it taken; a run that started at the same time waits here for the other's commit. */
    private Optional<Done> earlier() {
        int inserted = jdbc.sql("insert into platform_bootstrap (admin_email, client_id, console_client_id, completed_at) "
                        + "values (?, ?, ?, ?) on conflict do nothing")
                .params(settings.adminEmail().strip(), settings.clientId().strip(), settings.withConsole() ? settings.consoleClientId() : null,
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select admin_email, client_id, completed_at from platform_bootstrap")
                .query((rs, row) -> new Done(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()))
                .single());
    }

    private void create() {
        attempt(Map.of("email", "admin-email", "name", "admin-name", "password", "admin-password"),
                () -> platformUsers.create(settings.adminEmail().strip(), settings.adminName(), settings.adminPassword()));
        attempt(Map.of("clientId", "client-id"), () -> clients.registerIntegration(settings.clientId().strip(), settings.clientSecret(),
                "Platform automation", Set.of(Role.PLATFORM_ADMIN)));
        if (settings.withConsole()) {
            attempt(Map.of("clientId", "console-client-id", "redirectUris", "console-redirect-uris"),
                    () -> clients.registerDriverApp(settings.consoleClientId(), "Platform console", settings.consoleRedirectUris()));
        }
    }

    /** Names the setting at fault: the domain says "password", the operator gave chargebase.bootstrap.admin-password. */
    private static void attempt(Map<String, String> settingOfField, Runnable step) {
        try {
            step.run();
        } catch (DomainException refused) {
            String setting = BootstrapProperties.PREFIX + settingOfField.getOrDefault(String.valueOf(refused.field()), "*");
            throw new IllegalStateException("Bootstrap: " + setting + " refused: " + refused.getMessage() + " Nothing was created.", refused);
        }
    }

    private record Done(String adminEmail, String clientId, String at) {
    }
}
