package io.chargebase.domain.receipts;

/** A tenant's receipt settings; the platform default is monthly receipts, as the manual describes. */
public record ReceiptSettings(ReceiptMode mode) {

    public static final ReceiptSettings DEFAULTS = new ReceiptSettings(ReceiptMode.MONTHLY);

    public ReceiptSettings {
        if (mode == null) {
            throw new io.chargebase.domain.DomainException(io.chargebase.domain.ErrorCode.REQUIRED, "mode", "Say when receipts are issued.");
        }
    }
}
