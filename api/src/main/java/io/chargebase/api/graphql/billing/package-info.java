/** GraphQL for billing: a driver's outstanding balance from the ledger, the tenant's connected account status. */
package io.chargebase.api.graphql.billing;
