package io.chargebase.api.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.chargebase.api.throttle.AddressKey;
import io.chargebase.api.throttle.LocalThrottle;

/**
 * Failed sign-ins per client address, on top of the per-account lock: an address that failed
 * {@code chargebase.security.failed-sign-ins-per-address} times (20) within {@link #WINDOW} is refused (429) before any
 * password is checked, so one source can neither guess across many accounts nor keep the instance busy hashing.
 */
@Component
public class FailedSignIns {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int ADDRESSES = 100_000;

    private final LocalThrottle throttle;

    FailedSignIns(Clock clock, @Value("${chargebase.security.failed-sign-ins-per-address:20}") int limit) {
        this.throttle = new LocalThrottle(limit, WINDOW, ADDRESSES, clock);
    }

    /** How long the address must wait, or zero when it may try. */
    Duration waitFor(String address) {
        return throttle.retryAfter(AddressKey.of(address));
    }

    void failed(String address) {
        throttle.record(AddressKey.of(address));
    }
}
