package io.chargebase.api.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Runs the changesets this version has and the database lacks, as the owner. Only one migrator works at a time,
 * whichever instance or job it runs in: each first takes a PostgreSQL session advisory lock, which dies with its
 * connection. Holding it, any Liquibase lock still marked as taken can only belong to a migrator that died
 * (a job pod evicted mid-migration), so it is released instead of blocking every later start.
 */
public final class Migrations {

    static final String CHANGELOG = "db/changelog/master.xml";
    /** An arbitrary, fixed key: every Chargebase migrator of one database agrees on it. */
    private static final long LOCK_KEY = 0x63686172676542L;
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final DatabaseTarget target;
    private final String appRole;

    public Migrations(DatabaseTarget target, String appRole) {
        this.target = target;
        this.appRole = appRole;
    }

    public void migrate() {
        try (Connection connection = DriverManager.getConnection(target.url(), target.username(), target.password())) {
            lock(connection);
            releaseStaleLiquibaseLock(connection);
            int before = SchemaVersion.pending(connection).size();
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setResourceLoader(new DefaultResourceLoader(Migrations.class.getClassLoader()));
            liquibase.setDataSource(new SingleConnectionDataSource(connection, true));
            liquibase.setChangeLog("classpath:" + CHANGELOG);
            liquibase.setChangeLogParameters(Map.of("app_role", appRole));
            liquibase.afterPropertiesSet();
            log.info(before == 0 ? "Migrations: the database is up to date" : "Migrations: ran {} changesets", before);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not migrate the database at " + target.url() + " as '" + target.username()
                    + "' (spring.datasource.username, the owner of the schema): " + e.getMessage(), e);
        } catch (LiquibaseException e) {
            throw new IllegalStateException("A migration failed: " + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet taken = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")");
            taken.next();
            if (!taken.getBoolean(1)) {
                log.info("Migrations: another instance is migrating this database; waiting for it");
                statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
        }
    }

    private static void releaseStaleLiquibaseLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet exists = statement.executeQuery("select to_regclass('databasechangeloglock') is not null");
            exists.next();
            if (!exists.getBoolean(1)) {
                return;
            }
            ResultSet stale = statement.executeQuery("select lockedby, lockgranted from databasechangeloglock where locked");
            if (stale.next()) {
                log.warn("Migrations: releasing the Liquibase lock taken by {} at {}, a migrator that stopped before it finished",
                        stale.getString(1), stale.getTimestamp(2));
                statement.executeUpdate("update databasechangeloglock set locked = false, lockgranted = null, lockedby = null");
            }
        }
    }
}
