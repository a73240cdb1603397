package io.chargebase.domain.assets;

/** The closed sets of the assets context. */
public final class AssetTypes {

    private AssetTypes() {
    }

    public enum Access { PUBLIC, SEMI_PUBLIC, PRIVATE }

    /** The operator's view of a charge point, independent of what it reports. */
    public enum ChargePointStatus { ACTIVE, DISABLED, OUT_OF_ORDER, DEMO }

    public enum CurrentType { AC, DC }

    /** What drivers see of an EVSE, as OCPI 2.2.1 names it. */
    public enum EvseStatus { AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN }

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
