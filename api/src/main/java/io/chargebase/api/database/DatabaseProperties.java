package io.chargebase.api.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param appRole     the role the application works as; created by the migrations when missing
 * @param appUsername a separate login for the application's pool (recommended in production); when empty, the pool
 *                    logs in with {@code spring.datasource.username} and switches to {@code appRole} with SET ROLE
 * @param appPassword its password
 * @param poolSize    connections in the application's pool
 * @param statementTimeout how long one SQL statement may run before PostgreSQL cancels it
 * @param localDataDirectory where local mode keeps its embedded PostgreSQL
 * @param migrateOnStart   whether this instance runs pending migrations as it starts; when false (replicas of a
 *                         deployment whose migration job runs them), it only checks that the database has every
 *                         changeset of this version and refuses to start otherwise
 */
@ConfigurationProperties("chargebase.database")
public record DatabaseProperties(
        @DefaultValue("chargebase_app") String appRole,
        String appUsername,
        String appPassword,
        @DefaultValue("10") int poolSize,
        @DefaultValue("30s") java.time.Duration statementTimeout,
        Path localDataDirectory,
        @DefaultValue("true") boolean migrateOnStart) {

    public DatabaseProperties {
        if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("chargebase.database.app-role must be a plain lower-case identifier: " + appRole);
        }
        if (localDataDirectory == null) {
            localDataDirectory = Path.of(System.getProperty("user.home"), ".chargebase", "local-postgres");
        }
    }

    boolean hasSeparateAppLogin() {
        return appUsername != null && !appUsername.isBlank();
    }
}
