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
 */
package io.chargebase.domain.charging;
