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
    DISPUTE
}
