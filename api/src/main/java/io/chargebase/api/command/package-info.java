/**
 * What the one image does besides serving. {@code --chargebase.mode=migrate} (or {@code CHARGEBASE_MODE=migrate})
 * migrates the database as the owner, runs the first-run bootstrap when it is configured, and exits: 0 when the
 * database is ready, 1 otherwise. It builds a small context of its own with only what those need, so it starts no
 * web server, no schedulers and no charger sockets, and a release's migration job cannot disturb the replicas that
 * still serve the previous version.
 */
package io.chargebase.api.command;
