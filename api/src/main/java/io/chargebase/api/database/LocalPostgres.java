package io.chargebase.api.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL of local mode. Its data directory is kept between runs, so what a newcomer creates is
 * still there after a restart.
 */
public final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "chargebase";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static LocalPostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            log.info("Local mode: starting embedded PostgreSQL with data in {}", dataDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    // the embedded server is made for tests: it starts with -F (fsync off) and synchronous_commit off. Local
                    // data is kept like production data, so a crash or power cut must not lose or corrupt what was
                    // committed; these settings come after -F on the command line and so win
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LocalPostgres local = new LocalPostgres(server);
            local.createDatabaseIfMissing();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public DatabaseTarget target() {
        return new DatabaseTarget(server.getJdbcUrl("postgres", DATABASE), "postgres", "", true);
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the local database", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
