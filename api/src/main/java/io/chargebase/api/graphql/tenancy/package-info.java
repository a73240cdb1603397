/** GraphQL for the platform operator's tenant management and a tenant's view of itself. */
package io.chargebase.api.graphql.tenancy;
