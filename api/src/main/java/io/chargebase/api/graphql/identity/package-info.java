/** GraphQL for identity: the caller ({@code me}), a tenant's users and OAuth2 clients, and a driver's own profile. */
package io.chargebase.api.graphql.identity;
