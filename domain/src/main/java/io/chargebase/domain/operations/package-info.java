/**
 * Operating chargers: the actions log of commands sent to charge points (who, why, what came back), the local
 * authorisation lists they hold, versioned from the tenant's tokens, and where chargers may fetch firmware and upload
 * diagnostics ({@link io.chargebase.domain.operations.FileLocations}, the tenant's approved
 * {@link io.chargebase.domain.operations.DiagnosticsLocations}), and the reservations made with ReserveNow
 * ({@link io.chargebase.domain.operations.Reservations}), those drivers make from the app under the tenant's
 * {@link io.chargebase.domain.operations.ReservationSettings} ({@link io.chargebase.domain.operations.DriverReservations}),
 * expired and reminded by {@link io.chargebase.domain.operations.ReservationSweeper}. Every command carries a reason. Row-level security keeps an OU
 * admin's reading of the actions log and the reservations to the charge points they operate, and a driver's to their own.
 */
package io.chargebase.domain.operations;
