/**
 * Where the data lives. With {@code spring.datasource.url} set, Chargebase uses that PostgreSQL; without it,
 * local mode starts an embedded PostgreSQL whose data survives restarts. Either way Liquibase migrates as the
 * given (owner) user, and the application's pool then works as the {@code chargebase.database.app-role}, which
 * owns nothing and cannot bypass row-level security.
 */
package io.chargebase.api.database;
