package io.chargebase.domain.billing;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/** A tenant's billing settings (the manual's Settings section): how many payment methods a driver may keep. */
public record BillingSettings(int maxPaymentMethods) {

    public static final BillingSettings DEFAULTS = new BillingSettings(5);

    public BillingSettings validated() {
        if (maxPaymentMethods < 1 || maxPaymentMethods > 20) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "maxPaymentMethods", "A driver may keep between 1 and 20 payment methods.");
        }
        return this;
    }
}
