/**
 * Wires the tenancy module into the application: the tenants service, and the propagation of the tenant scope
 * to threads that GraphQL hands work to.
 */
package io.chargebase.api.tenancy;
