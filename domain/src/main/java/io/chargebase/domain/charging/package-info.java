/**
 * Charging and its records. {@link io.chargebase.domain.charging.ChargingStations} is the platform's side of every
 * charger (the {@link io.chargebase.domain.charging.ChargerEvents} port the OCPP adapter reports to): connection state,
 * connector statuses, sessions from Authorize to StopTransaction, meter values, the communication log. Sessions go
 * through the package-private {@code SessionLifecycle}: load a state ({@link io.chargebase.domain.charging.lifecycle},
 * states as types, pure), let it decide, save it over its version. A finished
 * session becomes a CPO CDR, which {@link io.chargebase.domain.charging.Cdrs} rates into an MSP CDR (versioned:
 * re-rating writes the next version and keeps the previous ones); {@link io.chargebase.domain.charging.SessionRated}
 * then tells billing, except for a demo session (on a DEMO charge point), which is rated for show and never billed;
 * {@link io.chargebase.domain.charging.SessionCorrected} tells it when a late StopTransaction corrected a session the
 * platform had finished after inactivity. {@link io.chargebase.domain.charging.PriceEstimates} is the one pricing of a
 * session, for the driver's estimate, the live running cost and the CDR, with the payable total at the currency's
 * scale. {@link io.chargebase.domain.charging.StartPermissions} holds the operator's rules a token's own status does
 * not: the charge point's and EVSE's status, the owner's profile and account.
 * {@link io.chargebase.domain.charging.ChargingSweeper} applies the tenants' thresholds (inactivity in two stages:
 * marked, then finished). A session reaching a stop limit of its tariff
 * ({@link io.chargebase.domain.charging.StopLimitCheck}) publishes {@link io.chargebase.domain.charging.StopLimitReached}
 * once, and an accepted boot {@link io.chargebase.domain.charging.ChargerBooted} with the configuration defaults: the
 * adapter sends the commands that follow.
 * MeterValues of many chargers are stored together by group commit (package-private {@code MeterValueWriter}).
 * {@link io.chargebase.domain.charging.PendingChargePoints} holds chargers of unknown identity, when a tenant takes
 * them as pending, until an admin registers or dismisses them; their messages never reach the charge points' tables.
 * {@link io.chargebase.domain.charging.ChargerActivity} reads the activity records: every authorisation (Authorize and
 * StartTransaction) and each charge point's network status history. A session an operator started by hand may carry the
 * tariff they chose, which rates it and prices it live.
 *
 * <h2>The charger port</h2>
 * {@link io.chargebase.domain.charging.ChargerEvents} is what chargers tell the platform and
 * {@code io.chargebase.domain.operations.command.Command} what the platform asks of them, both in the domain's words:
 * connector states as {@link io.chargebase.domain.charging.ChargerEvents.ConnectorUse}, energy in Wh, what a sampled
 * value measures as {@link io.chargebase.domain.charging.Measurand}, why a transaction ended as
 * {@link io.chargebase.domain.charging.StopReason}, authorisation and registration results, data-transfer answers and
 * command statuses as enums; measurands and stop reasons are stored under their {@code code()}. What a charger worded
 * only for the operator (its connector status and error code, a sample's context and location, firmware and
 * diagnostics progress) is kept as text and shown, never interpreted. The OCPP
 * adapter's package per protocol version ({@code io.chargebase.ocpp.v16} today) is the only code that knows a wire
 * field or value; connector numbers are the charger's EVSE numbers ({@code Evse#ocppNumber}), 0 the charge point.
 *
 * <p>How OCPP 2.0.1 plugs in without touching this package: an {@code io.chargebase.ocpp.v201} package with its call
 * handler, chosen by the {@code ocpp2.0.1} subprotocol at the handshake, maps
 * <ul>
 * <li>BootNotification, Heartbeat, Authorize, DataTransfer and the firmware/log status notifications onto the same
 * methods (IdToken's value is the id tag; 2.0.1's richer authorisation statuses are answered from the domain's five);</li>
 * <li>StatusNotification (evseId, connectorId, connectorStatus) onto {@code status}: the EVSE's id is the domain's
 * connector number, evseId 0 the station; its connectorStatus Available, Occupied, Reserved, Unavailable, Faulted onto
 * AVAILABLE, OCCUPIED, RESERVED, UNAVAILABLE, FAULTED; the chargingState a TransactionEvent reports (EVConnected,
 * Charging, SuspendedEV, SuspendedEVSE, Idle) onto PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING;</li>
 * <li>TransactionEvent Started onto {@code startTransaction}, Updated onto {@code meterValues} (its meterValue
 * elements are the same sampled values), Ended onto {@code stopTransaction} with the last energy register as the meter
 * stop and its stoppedReason as the reason ({@code StopReason} already holds 2.0.1's reasons). 2.0.1's charger chooses the transaction id (a string): the adapter keeps the
 * pairing with the platform's integer id, which it receives from {@code startTransaction}, in a table of the api's OCPP
 * transport, and uses it again for RequestStopTransaction.</li>
 * </ul>
 */
package io.chargebase.domain.charging;
