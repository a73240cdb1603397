/**
 * Where the data lives. With {@code spring.datasource.url} set, Chargebase uses that PostgreSQL; without it,
 * local mode starts an embedded PostgreSQL whose data survives restarts. Either way Liquibase migrates as the
 * given (owner) user, and the application's pool then works as the {@code chargebase.database.app-role}, which
 * owns nothing and cannot bypass row-level security. Migrating is one migrator at a time (a PostgreSQL advisory
 * lock, which also lets a dead migrator's Liquibase lock be cleared); an instance with
 * {@code chargebase.database.migrate-on-start=false}, a replica whose migration job migrates, only checks that the
 * database has every changeset of its version.
 */
package io.chargebase.api.database;
