/**
 * The GraphQL API over the SDL of the {@code schema} module. Shared here: global ids, cursor connections, user
 * errors, the operation policy that decides who may call each root field, and the guard rails (depth,
 * complexity, page size); {@code scope} holds the field policy below the root fields for drivers and OU admins. One
 * sub-package per domain context holds its controllers.
 */
package io.chargebase.api.graphql;
