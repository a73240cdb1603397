/**
 * Charging and its records. {@link io.chargebase.domain.charging.ChargingStations} is the platform's side of every
 * charger (the {@link io.chargebase.domain.charging.ChargerEvents} port the OCPP adapter reports to): connection state,
 * connector statuses, sessions from Authorize to StopTransaction, meter values, the communication log. A finished
 * session becomes a CPO CDR, which {@link io.chargebase.domain.charging.Cdrs} rates into an MSP CDR (versioned:
 * re-rating writes the next version and keeps the previous ones); {@link io.chargebase.domain.charging.SessionRated}
 * then tells billing, except for a demo session (on a DEMO charge point), which is rated for show and never billed.
 * {@link io.chargebase.domain.charging.StartPermissions} holds the operator's rules a token's own status does not: the
 * charge point's and EVSE's status, the owner's profile and account. {@link io.chargebase.domain.charging.ChargingSweeper}
 * applies the tenants' thresholds.
 * MeterValues of many chargers are stored together by group commit (package-private {@code MeterValueWriter}).
 * {@link io.chargebase.domain.charging.PendingChargePoints} holds chargers of unknown identity, when a tenant takes
 * them as pending, until an admin registers or dismisses them; their messages never reach the charge points' tables.
 */
package io.chargebase.domain.charging;
