package io.chargebase.domain.billing;

import java.time.Instant;
import java.util.UUID;

import io.chargebase.domain.money.Money;

/**
 * One version of a top-up package: the driver pays {@code price} and their wallet gets price plus {@code bonus}.
 * {@code packageKey} names the package across its versions; a retired version is no longer offered.
 */
public record TopUpPackage(UUID id, UUID packageKey, int version, Money price, Money bonus, boolean enabled, int position,
        Instant createdAt, Instant retiredAt, boolean deleted) {

    /** What the wallet gets for the price. */
    public Money credit() {
        return price.plus(bonus);
    }

    public boolean current() {
        return retiredAt == null;
    }
}
