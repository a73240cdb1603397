package io.chargebase.domain.rating;

/** What a price component charges for (OCPI TariffDimensionType). */
public enum Dimension {
    /** Per kWh; step_size in Wh. */
    ENERGY,
    /** Once per session; no step_size. */
    FLAT,
    /** Per hour connected but not charging; step_size in seconds. */
    PARKING_TIME,
    /** Per hour charging (or reserved, under a reservation restriction); step_size in seconds. */
    TIME
}
