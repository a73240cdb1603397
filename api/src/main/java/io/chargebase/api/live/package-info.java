/** Live updates across instances (PostgreSQL NOTIFY) and the GraphQL subscriptions that show them. */
package io.chargebase.api.live;
