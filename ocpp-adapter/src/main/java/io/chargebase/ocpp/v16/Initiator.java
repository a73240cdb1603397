package io.chargebase.ocpp.v16;

/** The side that sends an action's request (OCPP 1.6 part 1 §4 and §5: "Operations initiated by ..."). */
public enum Initiator {
    CHARGE_POINT,
    CENTRAL_SYSTEM
}
