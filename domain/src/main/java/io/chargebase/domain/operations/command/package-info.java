/**
 * The commands of the charger port, version-neutral: {@link io.chargebase.domain.operations.command.Command} is a sealed
 * type with one record per thing the platform asks of a charger (remote start and stop, reset, unlock, availability,
 * configuration, cache, trigger, reservations, local list, charging profiles, composite schedule, diagnostics,
 * firmware, data transfer), each typed with its {@link io.chargebase.domain.operations.command.Answer}. Whoever asks
 * (the GraphQL mutations, the stop limits, the configuration defaults at boot) builds a command; the OCPP adapter's
 * package for the charger's protocol encodes it and decodes the answer ({@code io.chargebase.ocpp.v16.Commands16}
 * today), and the api's {@code LoggedCommands} runs it through the actions log. Nothing here names a wire field.
 *
 * <p>How OCPP 2.0.1 plugs in: a {@code Commands201} beside {@code Commands16} encodes the same records (RemoteStart as
 * RequestStartTransaction with an IdToken and the EVSE's id, RemoteStop as RequestStopTransaction with the charger's
 * transaction id, Reset SOFT/HARD as OnIdle/Immediate, ChangeConfiguration and GetConfiguration as SetVariables and
 * GetVariables of the component the key names, SendLocalList with IdTokenInfo, ...) and decodes its answers into the
 * same {@link io.chargebase.domain.operations.command.CommandStatus} values; {@code LoggedCommands} picks the codec by
 * the protocol the charger connected with. The connector numbers here are the charger's EVSE numbers (see
 * {@code io.chargebase.domain.charging} for the numbering), so no record changes.
 */
package io.chargebase.domain.operations.command;
