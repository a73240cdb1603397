package io.chargebase.domain.billing;

/** A card a driver saved: the provider's id, what the driver recognises it by, and whether it is their default. */
public record SavedPaymentMethod(String id, String brand, String last4, int expMonth, int expYear, boolean isDefault) {
}
