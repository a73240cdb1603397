/**
 * Assets: where charging happens. A location (address, coordinates, time zone, access) holds charge points (the
 * OCPP devices, known by their identity and Basic-auth secret), each with EVSEs (one vehicle at a time) and their
 * connectors. Drivers find them on a map ({@link io.chargebase.domain.assets.ChargerSearch}) and see and use only
 * what {@link io.chargebase.domain.assets.ChargerAccess} allows them: private locations and charge points belong to
 * the drivers invited to them, disabled zones hide theirs, and points of interest are shown for information only.
 */
package io.chargebase.domain.assets;
