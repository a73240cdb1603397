package io.chargebase.domain.billing;

/**
 * How a tenant's drivers pay for charging (the manual's Billing Strategies). The wallet strategy ("payment method or
 * minimum balance") is the wallet's own.
 */
public enum BillingStrategy {
    /** A saved card is required to start; the session's payable total is charged to it off-session after the end. */
    BILL_AFTER_SESSION,
    /** A saved card is required and a set amount is held on it at the start; the final amount is captured, the rest released. */
    PRE_AUTHORISE,
    /** Nothing is required to start and nothing is charged to a card. */
    NO_PAYMENT_REQUIRED;

    /** Whether a driver needs a saved card, and no unpaid balance, to start. */
    public boolean requiresCard() {
        return this != NO_PAYMENT_REQUIRED;
    }
}
