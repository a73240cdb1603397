package io.chargebase.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database for this test run: on the PostgreSQL server at 127.0.0.1:5432 when one answers (dropped when
 * the run ends), otherwise on an embedded server.
 */
public final class TestDatabase {

    public record Target(String url, String username, String password) {
    }

    private static Target target;

    private TestDatabase() {
    }

    public static synchronized Target get() {
        if (target == null) {
            target = serverAnswers() ? freshDatabaseOnLocalServer() : embedded();
        }
        return target;
    }

    private static boolean serverAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Target freshDatabaseOnLocalServer() {
        String name = "chargebase_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        execute(admin, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(admin, "drop database if exists " + name + " with (force)")));
        return new Target("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
    }

    private static Target embedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Target(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL at 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }
}
