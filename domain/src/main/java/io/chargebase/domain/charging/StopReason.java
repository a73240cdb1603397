package io.chargebase.domain.charging;

/**
 * Why a charger ended a transaction, as the session keeps it ({@link #code()} is the stored name staff read). The
 * constants cover what OCPP 1.6 and 2.0.1 chargers report, so a protocol mapping translates its wire values onto
 * them; the platform's own reason for a session it finished is {@code InactiveSessions}'.
 */
public enum StopReason {
    DE_AUTHORIZED("DeAuthorized"),
    EMERGENCY_STOP("EmergencyStop"),
    ENERGY_LIMIT_REACHED("EnergyLimitReached"),
    EV_DISCONNECTED("EVDisconnected"),
    GROUND_FAULT("GroundFault"),
    HARD_RESET("HardReset"),
    IMMEDIATE_RESET("ImmediateReset"),
    LOCAL("Local"),
    LOCAL_OUT_OF_CREDIT("LocalOutOfCredit"),
    MASTER_PASS("MasterPass"),
    OTHER("Other"),
    OVERCURRENT_FAULT("OvercurrentFault"),
    POWER_LOSS("PowerLoss"),
    POWER_QUALITY("PowerQuality"),
    REBOOT("Reboot"),
    REMOTE("Remote"),
    SOC_LIMIT_REACHED("SOCLimitReached"),
    SOFT_RESET("SoftReset"),
    STOPPED_BY_EV("StoppedByEV"),
    TIME_LIMIT_REACHED("TimeLimitReached"),
    TIMEOUT("Timeout"),
    UNLOCK_COMMAND("UnlockCommand");

    private final String code;

    StopReason(String code) {
        this.code = code;
    }

    /** The stored name. */
    public String code() {
        return code;
    }
}
