/**
 * The one Chargebase application. {@code database} connects to PostgreSQL (or starts the embedded one in local
 * mode) and migrates it; {@code security} is the per-tenant OAuth2 authorization server and the resource server
 * that turns a token into a tenant scope; {@code graphql} serves the schema of the {@code schema} module;
 * {@code local} seeds the demo tenants of local mode; {@code command} is the one-shot migrate mode of the same jar and
 * {@code bootstrap} the first run against a configured database.
 */
package io.chargebase.api;
