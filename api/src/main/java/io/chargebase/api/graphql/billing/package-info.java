/** GraphQL for billing: a driver's outstanding balance from the ledger, the tenant's connected account status; a driver's saved cards, the
 * tenant's onboarding link and billing settings. */
package io.chargebase.api.graphql.billing;
