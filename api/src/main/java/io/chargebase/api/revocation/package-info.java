/**
 * Revocation that reaches what was already issued and what is already open. The database announces every
 * revoking change (a user's new token epoch or status, a removed client, a tenant's suspension, a charger's new
 * secret, DISABLED status or removal) on the channel {@value io.chargebase.api.revocation.Revoked#CHANNEL} when its
 * transaction commits, to every instance (see the changeset {@code identity/sec-revoke-001-revocation.sql}).
 * {@link io.chargebase.api.revocation.Revocations} decides whether a verified access token still stands, with a
 * brief cache that each announcement empties; {@link io.chargebase.api.revocation.GraphQlSockets} closes the GraphQL
 * sockets whose caller no longer stands, at the announcement and at the token's expiry, and the OCPP adapter closes
 * the charger sockets this instance holds. Announcements are hints that can be lost while the LISTEN connection is
 * reopened; the per-request and per-operation checks, whose cache lasts seconds, are the record.
 */
package io.chargebase.api.revocation;
