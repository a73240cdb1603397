/** GraphQL for tariffs, tariff groups and plans, tariff selection, driver prices, and CDRs. */
package io.chargebase.api.graphql.tariffs;
