/**
 * How an instance stops without losing what it acknowledged ({@code server.shutdown=graceful}). Shutdown runs in
 * {@link io.chargebase.api.shutdown.ShutdownPhases phases}, highest first: readiness goes down (Boot publishes
 * {@code REFUSING_TRAFFIC} as the context closes, and {@link io.chargebase.api.shutdown.RefuseTraffic} waits
 * {@code chargebase.shutdown.readiness-delay} so that load balancers stop routing here); then chargers' sockets are
 * drained, each answering what it took (MeterValues once committed) and closing with 1001 so chargers reconnect to
 * another replica; then GraphQL subscription sockets close with 1001; then Boot's graceful web shutdown lets the
 * remaining HTTP requests finish; only after that do the database pool and the MeterValues writer go.
 */
package io.chargebase.api.shutdown;
