package io.chargebase.domain.billing;

/** What moved money. */
public enum LedgerTransactionKind {
    /** A rated session: the driver owes its total. */
    SESSION,
    /** A driver paid. */
    PAYMENT,
    /** The platform took its fee from a payment. */
    APPLICATION_FEE,
    /** Money went back to a driver. */
    REFUND,
    /** A driver's bank disputed a payment. */
    DISPUTE,
    /** A driver redeemed a voucher into their wallet. */
    VOUCHER,
    /** An operator credited a driver's wallet, for a reason. */
    OPERATOR_TOP_UP,
    /** A driver bought a top-up package: what they paid and its bonus went to their wallet. */
    TOP_UP,
    /** The wallet paid (part of) what the driver owes. */
    WALLET_PAYMENT,
    /** A session rated again (its charger's late stop corrected it): the difference to what it was charged. */
    SESSION_CORRECTION
}
