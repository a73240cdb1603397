package io.chargebase.domain.assets;

/** The closed sets of the assets context. */
public final class AssetTypes {

    private AssetTypes() {
    }

    public enum Access { PUBLIC, SEMI_PUBLIC, PRIVATE }

    /**
     * The operator's view of a charge point, independent of what it reports (manual: "Adding a Charge Point", Status).
     * ACTIVE charges; DEMO charges too, but its sessions are never billed; OUT_OF_ORDER is shown to drivers as out of
     * order and cannot be used; DISABLED is hidden from drivers and cannot be used. Whatever the status, the charger
     * may connect and staff monitor and command it.
     */
    public enum ChargePointStatus {
        ACTIVE, DISABLED, OUT_OF_ORDER, DEMO;

        /** Whether sessions may start on it. */
        public boolean charges() {
            return this == ACTIVE || this == DEMO;
        }

        /** Whether drivers see it at all. */
        public boolean shownToDrivers() {
            return this != DISABLED;
        }
    }

    public enum CurrentType { AC, DC }

    /** What drivers see of an EVSE, as OCPI 2.2.1 names it. */
    public enum EvseStatus {
        AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN;

        /**
         * Whether an operator who sets this status takes the EVSE out of use (the manual's EVSE statuses Disabled and
         * Out of order, and one planned or removed): it then holds against what the charger reports, and starts on its
         * connectors are refused, until the operator sets another.
         */
        public boolean takesOutOfUse() {
            return this == INOPERATIVE || this == OUTOFORDER || this == PLANNED || this == REMOVED;
        }
    }

    /** Plug standards, named as OCPI 2.2.1 names them. */
    public enum ConnectorStandard {
        CHADEMO, CHAOJI, DOMESTIC_A, DOMESTIC_B, DOMESTIC_C, DOMESTIC_D, DOMESTIC_E, DOMESTIC_F, DOMESTIC_G, DOMESTIC_H,
        DOMESTIC_I, DOMESTIC_J, DOMESTIC_K, DOMESTIC_L, GBT_AC, GBT_DC, IEC_60309_2_single_16, IEC_60309_2_three_16,
        IEC_60309_2_three_32, IEC_60309_2_three_64, IEC_62196_T1, IEC_62196_T1_COMBO, IEC_62196_T2, IEC_62196_T2_COMBO,
        IEC_62196_T3A, IEC_62196_T3C, NEMA_5_20, NEMA_6_30, NEMA_6_50, NEMA_10_30, NEMA_10_50, NEMA_14_30, NEMA_14_50,
        PANTOGRAPH_BOTTOM_UP, PANTOGRAPH_TOP_DOWN, TESLA_R, TESLA_S
    }

    public enum ConnectorFormat { SOCKET, CABLE }

    public enum PowerType { AC_1_PHASE, AC_3_PHASE, DC }
}
