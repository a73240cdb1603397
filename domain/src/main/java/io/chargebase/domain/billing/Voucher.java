package io.chargebase.domain.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * A voucher as it was created and, once redeemed, by whom and when. Operator top-ups and bought top-ups are vouchers
 * created redeemed; they have no expiry. {@code redeemBefore} is the manual's date: the voucher expires at the start
 * of that day in the tenant's time zone ({@code expiresAt}).
 */
public record Voucher(UUID id, String code, Kind kind, Money amount, LocalDate redeemBefore, Instant expiresAt, String description,
        String createdBy, Instant createdAt, UUID redeemedBy, Instant redeemedAt) {

    /** The manual's Type column. */
    public enum Kind {
        /** Created by an admin to be redeemed by a driver. */
        VOUCHER,
        /** "Top up by operator": an admin added to a driver's balance. */
        OPERATOR_TOP_UP,
        /** A driver bought a top-up package. */
        TOP_UP
    }

    /** What can still happen to it. */
    public enum Status {
        AVAILABLE, REDEEMED, EXPIRED
    }

    public Status status(Instant now) {
        if (redeemedAt != null) {
            return Status.REDEEMED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.AVAILABLE;
    }
}
