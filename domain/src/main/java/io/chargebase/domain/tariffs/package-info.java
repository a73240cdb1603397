/**
 * Tariffs as operators keep them: versioned prices (compiled into the OCPI model of {@code rating}), tariff groups
 * with ordered tariffs and a base tariff per group, tariff plans of location-group × business-partner-group rules,
 * and the one place that says which tariff applies to a driver at an EVSE, and why.
 */
package io.chargebase.domain.tariffs;
