package io.chargebase.domain.tokens;

public enum TokenType {
    /** A card or key fob. */
    RFID,
    /** Issued to the driver app, which starts sessions remotely. */
    APP,
    /** For a one-off session paid on the spot. */
    AD_HOC
}
