package io.chargebase.domain.rating;

/** Marks a tariff element as pricing a reservation, used or expired (OCPI ReservationRestrictionType). */
public enum ReservationRestriction {
    RESERVATION,
    RESERVATION_EXPIRES
}
