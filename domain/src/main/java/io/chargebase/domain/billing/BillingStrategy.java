package io.chargebase.domain.billing;

/**
 * How a tenant's drivers pay for charging (the manual's Billing Strategies). The wallet strategy ("payment method or
 * minimum balance") pays from the driver's wallet first.
 */
public enum BillingStrategy {
    /** A saved card is required to start; the session's payable total is charged to it off-session after the end. */
    BILL_AFTER_SESSION,
    /** A saved card is required and a set amount is held on it at the start; the final amount is captured, the rest released. */
    PRE_AUTHORISE,
    /** Nothing is required to start and nothing is charged to a card. */
    NO_PAYMENT_REQUIRED,
    /**
     * A saved card or enough in the wallet is required to start (only the wallet when cards may not pay directly); the
     * session is paid from the wallet, the rest charged to the card after the end (or left outstanding when cards may not pay).
     */
    BALANCE_OR_PAYMENT_METHOD;

    /** Whether a driver needs a saved card, and no unpaid balance, to start. */
    public boolean requiresCard() {
        return this == BILL_AFTER_SESSION || this == PRE_AUTHORISE;
    }
}
