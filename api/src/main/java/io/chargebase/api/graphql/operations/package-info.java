/** GraphQL for operating chargers: the central-system commands of OCPP 1.6 and the actions log. */
package io.chargebase.api.graphql.operations;
