package io.chargebase.domain.rating;

/** For which kind of session a tariff is meant (OCPI TariffType). */
public enum TariffType {
    AD_HOC_PAYMENT,
    PROFILE_CHEAP,
    PROFILE_FAST,
    PROFILE_GREEN,
    REGULAR
}
