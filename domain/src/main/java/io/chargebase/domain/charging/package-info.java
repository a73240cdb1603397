/**
 * Charging records: CPO CDRs as the charge point operator produced them, and MSP CDRs, the same sessions rated
 * with the tenant's tariffs (versioned: re-rating writes the next version and keeps the previous ones).
 */
package io.chargebase.domain.charging;
