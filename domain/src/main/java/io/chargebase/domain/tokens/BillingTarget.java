package io.chargebase.domain.tokens;

/** Who pays for sessions started with a token. */
public enum BillingTarget {
    /** The owner's own payment method or wallet. */
    OWN_PAYMENT_METHOD,
    /** The account of the owner's organisation unit (a fleet, an employer). */
    CORPORATE_ACCOUNT
}
