/**
 * The chargers' transport: OCPP-J 1.6 over WebSocket at {@code /ocpp/{tenantSlug}/{chargePointIdentity}}. The
 * handshake authenticates a charger with HTTP Basic in its tenant's scope; each socket gets an RPC endpoint whose
 * calls go to the domain's {@code ChargerEvents}; {@link io.chargebase.api.ocpp.LoggedCommands} takes the domain's
 * commands through the actions log, encoded for the charger's protocol, and {@link io.chargebase.api.ocpp.ChargerCommands}
 * sends the wire request to a charger wherever it is connected, relaying through PostgreSQL LISTEN/NOTIFY to the instance that holds its
 * socket (the connection registry says which). Sockets of pending chargers (unknown identities a tenant takes as
 * pending) are held apart, by {@link io.chargebase.api.ocpp.PendingChargers}, and take no commands. Every socket's
 * calls to the domain pass {@code ChargerAdmission}, which bounds the messages doing database work at once and
 * answers the rest with a retryable CALLERROR (a Heartbeat with the time) instead of letting them wait for the pool.
 */
package io.chargebase.api.ocpp;
