/**
 * Assets: where charging happens. A location (address, coordinates, time zone, access) holds charge points (the
 * OCPP devices, known by their identity and Basic-auth secret), each with EVSEs (one vehicle at a time) and their
 * connectors.
 */
package io.chargebase.domain.assets;
