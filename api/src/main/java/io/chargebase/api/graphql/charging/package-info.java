/** GraphQL for charging: sessions and their meter values, chargers' connection and connector statuses, status history, communication log, charging settings. */
package io.chargebase.api.graphql.charging;
