/**
 * GraphQL for operating chargers: the commands (input mapped to the domain's {@code Command}, see
 * {@code CommandMutations}), sessions started and stopped for drivers by staff and by the drivers themselves, and the
 * actions log. No wire format is built here.
 */
package io.chargebase.api.graphql.operations;
