/**
 * OCPP 1.6 over JSON: the {@link io.chargebase.ocpp.v16.Action16 actions} and who may start each, the OCA JSON
 * schemas (shipped byte for byte as published, under {@code ocpp/v16/schemas/}) compiled once into
 * {@link io.chargebase.ocpp.v16.Schemas16}, and {@link io.chargebase.ocpp.v16.CentralSystemRules16}, which turns
 * schema violations into the CALLERROR codes of OCPP-J 1.6 §4.2.3 for the central system's endpoint.
 */
package io.chargebase.ocpp.v16;
