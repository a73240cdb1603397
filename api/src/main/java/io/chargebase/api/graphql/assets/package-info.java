/** GraphQL for assets: locations, charge points, EVSEs and connectors, nested lists batch-loaded. */
package io.chargebase.api.graphql.assets;
