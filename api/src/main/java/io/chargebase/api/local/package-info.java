/**
 * Local mode: what a newcomer gets from the run command with no configuration. Two demo tenants with their
 * organisation trees, profiles and integration clients, and a platform client, all with fixed, published
 * credentials. None of it exists when an external database is configured.
 */
package io.chargebase.api.local;
