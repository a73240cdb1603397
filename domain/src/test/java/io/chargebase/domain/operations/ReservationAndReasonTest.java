package io.chargebase.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/** What a reservation reads as over time, and the reason every charger command carries (issue 12, items 14 and 16). */
class ReservationAndReasonTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-02T12:00:00Z");

    private static Reservation aReservation(Reservation.Status status) {
        return new Reservation(UUID.randomUUID(), UUID.randomUUID(), 1, 7, "0A1B2C3D", null, EXPIRY, status, "Accepted", null, "admin",
                EXPIRY.minusSeconds(900), null, null, null, null);
    }

    @Test
    void anAcceptedReservationExpiresAtItsExpiryAndNothingElseChangesWithTime() {
        assertThat(aReservation(Reservation.Status.ACCEPTED).statusAt(EXPIRY.minusSeconds(1))).isEqualTo(Reservation.Status.ACCEPTED);
        assertThat(aReservation(Reservation.Status.ACCEPTED).statusAt(EXPIRY)).isEqualTo(Reservation.Status.EXPIRED);
        for (Reservation.Status ended : new Reservation.Status[] {Reservation.Status.CANCELLED, Reservation.Status.USED, Reservation.Status.REFUSED,
                Reservation.Status.NOT_ANSWERED}) {
            assertThat(aReservation(ended).statusAt(EXPIRY.plusSeconds(3600))).isEqualTo(ended);
        }
    }

    @Test
    void aCommandNeedsAReasonOfAtMost500Characters() {
        assertThat(ChargerCommandLog.reason("  Driver called  ")).isEqualTo("Driver called");
        for (String blank : new String[] {null, "", "   \t"}) {
            assertThatThrownBy(() -> ChargerCommandLog.reason(blank)).isInstanceOfSatisfying(DomainException.class, refused -> {
                assertThat(refused.code()).isEqualTo(ErrorCode.REQUIRED);
                assertThat(refused.field()).isEqualTo("reason");
            });
        }
        assertThatThrownBy(() -> ChargerCommandLog.reason("x".repeat(501))).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.TOO_LONG));
    }
}
