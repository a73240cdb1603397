package io.chargebase.domain.receipts;

/** A receipt for sessions paid, or a credit note for a refund; each kind is its own gapless number series. */
public enum ReceiptKind {
    RECEIPT("R-"),
    CREDIT_NOTE("CN-");

    private final String prefix;

    ReceiptKind(String prefix) {
        this.prefix = prefix;
    }

    /** The number as printed: R-000042, CN-000003. */
    public String numberText(long number) {
        return prefix + String.format(java.util.Locale.ROOT, "%06d", number);
    }
}
