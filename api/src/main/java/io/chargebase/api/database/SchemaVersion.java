package io.chargebase.api.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Compares this version's changelog with what the database has run, read-only and as whichever login the pool uses.
 * Replicas that do not migrate (the migration job does) start only on a database that has every changeset of
 * theirs; one that also has later changesets (a newer version migrated it, then was rolled back) is accepted with a
 * warning, because migrations add and never take away what the version before them uses.
 */
public final class SchemaVersion {

    private static final Logger log = LoggerFactory.getLogger(SchemaVersion.class);
    private static volatile List<String> changeSets;

    private SchemaVersion() {
    }

    /** Fails, naming what is missing and what to run, unless the database has every changeset of this version. */
    public static void requireCurrent(DataSource dataSource) {
        List<String> pending;
        try (Connection connection = dataSource.getConnection()) {
            if (!hasChangeLogTable(connection)) {
                throw new IllegalStateException("The database has not been migrated yet. Run the migrations once per release "
                        + "with the same image and '--chargebase.mode=migrate' (the Helm chart's migration job does), or start "
                        + "one instance with chargebase.database.migrate-on-start=true.");
            }
            Set<String> applied = applied(connection);
            pending = changeSets().stream().filter(id -> !applied.contains(id)).toList();
            Set<String> unknown = new LinkedHashSet<>(applied);
            changeSets().forEach(unknown::remove);
            if (!unknown.isEmpty()) {
                log.warn("The database has {} changesets this version does not know (a newer version migrated it): {}",
                        unknown.size(), unknown);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read which migrations the database has run: " + e.getMessage()
                    + ". The migrations of this version may not have run yet: run them with '--chargebase.mode=migrate'.", e);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("The database lacks " + pending.size() + " changesets of this version (first: "
                    + pending.getFirst() + "). Run the migrations with the same image and '--chargebase.mode=migrate' (the Helm "
                    + "chart's migration job does) before starting this version.");
        }
    }

    /** This version's changesets the database has not run, in changelog order. */
    static List<String> pending(Connection connection) throws SQLException {
        if (!hasChangeLogTable(connection)) {
            return changeSets();
        }
        Set<String> applied = applied(connection);
        return changeSets().stream().filter(id -> !applied.contains(id)).toList();
    }

    private static boolean hasChangeLogTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select to_regclass('databasechangelog') is not null")) {
            exists.next();
            return exists.getBoolean(1);
        }
    }

    private static Set<String> applied(Connection connection) throws SQLException {
        Set<String> applied = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select author, id from databasechangelog")) {
            while (rows.next()) {
                applied.add(rows.getString(1) + ":" + rows.getString(2));
            }
        }
        return applied;
    }

    /** Changesets are named by author and id, which are unique across this project's changelogs. */
    static List<String> changeSets() {
        if (changeSets == null) {
            try (ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(SchemaVersion.class.getClassLoader())) {
                DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(Migrations.CHANGELOG, resources)
                        .parse(Migrations.CHANGELOG, new ChangeLogParameters(), resources);
                List<String> ids = new ArrayList<>();
                for (ChangeSet changeSet : changeLog.getChangeSets()) {
                    ids.add(changeSet.getAuthor() + ":" + changeSet.getId());
                }
                changeSets = List.copyOf(ids);
            } catch (Exception e) {
                throw new IllegalStateException("This version's changelog cannot be read", e);
            }
        }
        return changeSets;
    }
}
