package io.chargebase.api.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An empty database of its own, on the test run's PostgreSQL server, owned by a login that is no superuser (as an
 * operator's would be) and with an application role of its own, so that what a test does to roles touches no other
 * test. Dropped, with its roles, when closed.
 */
public final class FreshDatabase implements AutoCloseable {

    private final String server;
    private final String name;
    private final String owner;
    private final String appRole;
    private final List<String> logins = new ArrayList<>();

    private FreshDatabase(String server, String suffix) {
        this.server = server;
        this.name = "cb_deploy_" + suffix;
        this.owner = "cb_owner_" + suffix;
        this.appRole = "cb_app_" + suffix;
    }

    public static FreshDatabase create() {
        URI uri = URI.create(TestDatabase.get().url().substring("jdbc:".length()));
        FreshDatabase database = new FreshDatabase("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/",
                UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        database.asSuperuser("postgres", "create role " + database.owner + " login createrole password 'owner-password'");
        database.asSuperuser("postgres", "create database " + database.name + " owner " + database.owner);
        return database;
    }

    public String url() {
        return server + name;
    }

    public String owner() {
        return owner;
    }

    public String ownerPassword() {
        return "owner-password";
    }

    public String appRole() {
        return appRole;
    }

    /** The settings of a process that migrates: the URL, the owner and the application role. */
    public List<String> ownerArguments() {
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=" + owner,
                "--spring.datasource.password=" + ownerPassword(), "--chargebase.database.app-role=" + appRole);
    }

    /** A login of the application role alone, as an operator makes one for the replicas (after the first migration). */
    public String createAppLogin() {
        String login = "cb_login_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        asSuperuser("postgres", "create role " + login + " login password 'login-password' in role " + appRole);
        logins.add(login);
        return login;
    }

    /** Runs SQL in this database as the owner. */
    public void asOwner(String sql) {
        execute(url(), owner, ownerPassword(), sql);
    }

    public <T> T queryAsOwner(String sql, Class<T> type) {
        try (Connection connection = DriverManager.getConnection(url(), owner, ownerPassword());
             Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery(sql);
            rows.next();
            return rows.getObject(1, type);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "'", e);
        }
    }

    /** Counts the rows of a table that the platform scope sees, as the owner (row-level security is forced on it too). */
    public long countInPlatformScope(String table, String where) {
        try (Connection connection = DriverManager.getConnection(url(), owner, ownerPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("select set_config('app.scope', 'platform', false)");
            var rows = statement.executeQuery("select count(*) from " + table + " where " + where);
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + table, e);
        }
    }

    private void asSuperuser(String database, String sql) {
        execute(server + database, "postgres", "", sql);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }

    @Override
    public void close() {
        asSuperuser("postgres", "drop database if exists " + name + " with (force)");
        for (String login : logins) {
            asSuperuser("postgres", "drop role if exists " + login);
        }
        asSuperuser("postgres", "drop role if exists " + appRole);
        asSuperuser("postgres", "drop role if exists " + owner);
    }
}
