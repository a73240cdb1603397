package io.chargebase.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.api.ChargebaseApplication;
import io.chargebase.api.command.MigrateCommand;
import io.chargebase.api.support.FreshDatabase;

/**
 * Migrations once per release, as the Helm chart runs them: a job of the same image with --chargebase.mode=migrate
 * migrates as the owner; replicas with chargebase.database.migrate-on-start=false only check, with a login of the
 * application role, that their version's changesets are all there.
 */
class MigrationModeIT {

    @Test
    void replicasRefuseAnUnmigratedDatabaseAndTwoMigrationJobsAtOnceMigrateItOnce() throws Exception {
        try (FreshDatabase database = FreshDatabase.create()) {
            assertThatThrownBy(() -> startReplica(database, List.of()).close())
                    .hasStackTraceContaining("A database that was never migrated lacks the application role")
                    .hasStackTraceContaining("--chargebase.mode=migrate");
            assertThat(database.queryAsOwner("select to_regclass('databasechangelog') is null", Boolean.class)).isTrue();

            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> MigrateCommand.run(args(database)));
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> MigrateCommand.run(args(database)));

            assertThat(List.of(one.get(5, TimeUnit.MINUTES), other.get(5, TimeUnit.MINUTES))).containsExactly(0, 0);
            assertThat(database.queryAsOwner("select count(*) from databasechangelog", Long.class))
                    .isEqualTo(SchemaVersion.changeSets().size());
            assertThat(database.queryAsOwner("select count(distinct (author, id)) from databasechangelog", Long.class))
                    .isEqualTo(SchemaVersion.changeSets().size());
        }
    }

    @Test
    void aMigrationThatDiedHoldingLiquibasesLockDoesNotBlockTheNextOne() {
        try (FreshDatabase database = FreshDatabase.create()) {
            assertThat(MigrateCommand.run(args(database))).isZero();
            database.asOwner("update databasechangeloglock set locked = true, lockgranted = now(), lockedby = 'evicted-migration-pod'");
            database.asOwner("delete from databasechangelog where id = 'deploy-001-changelog-readable'");

            Instant started = Instant.now();
            assertThat(MigrateCommand.run(args(database))).isZero();

            // Liquibase alone would wait five minutes for the dead lock holder, then fail
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMinutes(1));
            assertThat(database.queryAsOwner("select locked from databasechangeloglock", Boolean.class)).isFalse();
            assertThat(database.queryAsOwner("select count(*) from databasechangelog where id = 'deploy-001-changelog-readable'",
                    Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void replicasServeWithTheApplicationLoginAloneOnceEveryChangesetOfTheirVersionIsThere() {
        try (FreshDatabase database = FreshDatabase.create()) {
            assertThat(MigrateCommand.run(args(database))).isZero();
            String login = database.createAppLogin();
            List<String> replica = List.of("--chargebase.database.app-username=" + login, "--chargebase.database.app-password=login-password");
            database.asOwner("delete from databasechangelog where id = 'deploy-001-changelog-readable'");

            assertThatThrownBy(() -> startReplica(database, replica).close())
                    .hasStackTraceContaining("The database lacks 1 changesets of this version (first: chargebase:deploy-001-changelog-readable)");

            assertThat(MigrateCommand.run(args(database))).isZero();
            try (ConfigurableApplicationContext serving = startReplica(database, replica)) {
                JdbcClient jdbc = serving.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(login);
                assertThat(jdbc.sql("select count(*) from signing_key").query(Long.class).single())
                        .as("no tenant scope, no rows: the login cannot see around row-level security").isZero();
            }
        }
    }

    private static String[] args(FreshDatabase database) {
        return database.ownerArguments().toArray(String[]::new);
    }

    /** A replica as the chart runs it: it does not migrate, and it gets no owner password when it has a login of its own. */
    static ConfigurableApplicationContext startReplica(FreshDatabase database, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--chargebase.database.migrate-on-start=false", "--spring.datasource.url=" + database.url(),
                "--chargebase.database.app-role=" + database.appRole()));
        if (extra.isEmpty()) {
            arguments.add("--spring.datasource.username=" + database.owner());
            arguments.add("--spring.datasource.password=" + database.ownerPassword());
        }
        arguments.addAll(extra);
        return new SpringApplicationBuilder(ChargebaseApplication.class).run(arguments.toArray(String[]::new));
    }
}
