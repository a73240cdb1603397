/** GraphQL for the organisation context: the OU tree and profiles, with batch loading for nested fields. */
package io.chargebase.api.graphql.organisation;
