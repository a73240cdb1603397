package io.chargebase.domain.tariffs;

/** How an operator defines a tariff's prices; each kind compiles into the OCPI price model. */
public enum TariffKind {
    FREE,
    FLAT,
    DURATION_ENERGY,
    TIME_OF_DAY,
    POWER_LEVELS,
    /** Prices given directly as an OCPI 2.2.1 tariff, e.g. one received from a roaming partner. */
    OCPI
}
