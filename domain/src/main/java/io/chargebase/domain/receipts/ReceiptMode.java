package io.chargebase.domain.receipts;

/** When a tenant issues receipts: one per rated session, or one per driver per calendar month (the manual's default). */
public enum ReceiptMode {
    PER_SESSION,
    MONTHLY
}
