/**
 * OCPP-J RPC: the CALL / CALLRESULT / CALLERROR wrapper (OCPP-J 1.6 §4), the codec that turns text frames into
 * {@link io.chargebase.ocpp.rpc.RpcMessage}s and back, and {@link io.chargebase.ocpp.rpc.RpcEndpoint}, which
 * answers a charger's calls through a {@link io.chargebase.ocpp.rpc.CallHandler} and sends the central system's
 * own calls one at a time. Nothing here knows a WebSocket or an OCPP version: the transport hands frames in (as text,
 * or decoded already when it has read them itself) and takes them out through a
 * {@link io.chargebase.ocpp.rpc.FrameSink}, which is told the message each frame encodes, and a version's
 * {@link io.chargebase.ocpp.rpc.PayloadRules} say which actions exist and whether a payload is valid.
 */
package io.chargebase.ocpp.rpc;
