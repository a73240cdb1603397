/**
 * OCPP 1.6 over JSON: the {@link io.chargebase.ocpp.v16.Action16 actions} and who may start each, the OCA JSON
 * schemas (shipped byte for byte as published, under {@code ocpp/v16/schemas/}) compiled once into
 * {@link io.chargebase.ocpp.v16.Schemas16}, and {@link io.chargebase.ocpp.v16.CentralSystemRules16}, which turns
 * schema violations into the CALLERROR codes of OCPP-J 1.6 §4.2.3 for the central system's endpoint. The only code
 * that knows 1.6's field names and values: {@code Messages16} maps the charger's messages onto the domain's
 * {@code ChargerEvents} (connector states, authorisation results, sampled values) and back, and
 * {@link io.chargebase.ocpp.v16.Commands16} encodes the domain's commands and decodes their answers.
 */
package io.chargebase.ocpp.v16;
