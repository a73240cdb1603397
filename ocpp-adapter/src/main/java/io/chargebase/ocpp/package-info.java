/**
 * The chargers' edge. {@code rpc} is OCPP-J's request/response framing and a transport-agnostic endpoint that
 * any WebSocket server can drive; {@code v16} holds what is specific to OCPP 1.6 (its actions and the OCA JSON
 * schemas). OCPP types stay in here and are mapped to domain commands at this edge (STYLE 7).
 */
package io.chargebase.ocpp;
