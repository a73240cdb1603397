package io.chargebase.domain.billing;

import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * A driver's auto top-up: when their wallet falls below {@code threshold}, the package version they chose is bought
 * with their saved card. {@code disabledReason} says why it was turned off when the driver did not do it.
 */
public record AutoTopUp(UUID profileId, UUID packageId, Money threshold, boolean enabled, String disabledReason) {
}
