/**
 * The GraphQL API over the SDL of the {@code schema} module. Shared here: global ids, cursor connections, user
 * errors, the operation policy that decides who may call each root field, and the guard rails (depth,
 * complexity, page size); {@code scope} holds the field policy below the root fields for drivers and OU admins. One
 * sub-package per domain context holds its controllers. How resolvers run: on the request's thread in one transaction
 * per query ({@link io.chargebase.api.graphql.ResolverThreads}, {@link io.chargebase.api.graphql.RequestTransaction}),
 * with batch-loaded and {@link io.chargebase.api.graphql.PlainField} fields as trivial property reads
 * ({@link io.chargebase.api.graphql.TrivialFetchers}).
 */
package io.chargebase.api.graphql;
