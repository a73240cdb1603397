/**
 * Limits on how often one caller may try something: {@link io.chargebase.api.throttle.LocalThrottle} counts in this
 * replica's memory, in a map of fixed capacity, for limits that only need to slow a flood down (failed sign-ins, failed
 * charger authentications); {@link io.chargebase.api.throttle.SharedThrottle} counts in PostgreSQL, for limits that
 * must hold however many replicas a caller spreads its attempts over (sign-ups, password resets, mailed codes). Callers
 * are counted by {@link io.chargebase.api.throttle.AddressKey}, the address as the trusted proxies reported it.
 */
package io.chargebase.api.throttle;
