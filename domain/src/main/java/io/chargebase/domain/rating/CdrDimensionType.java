package io.chargebase.domain.rating;

/** What a charging period measured (OCPI CdrDimensionType). Volumes: kWh, hours, A, kW or percent. */
public enum CdrDimensionType {
    CURRENT,
    ENERGY,
    ENERGY_EXPORT,
    ENERGY_IMPORT,
    MAX_CURRENT,
    MIN_CURRENT,
    MAX_POWER,
    MIN_POWER,
    PARKING_TIME,
    POWER,
    RESERVATION_TIME,
    STATE_OF_CHARGE,
    TIME
}
