package io.chargebase.domain;

/** Why the domain refused a command; the API turns these into typed user errors. */
public enum ErrorCode {
    REQUIRED,
    TOO_LONG,
    INVALID,
    INVALID_EMAIL,
    INVALID_PHONE,
    DUPLICATE,
    NOT_FOUND,
    CYCLE,
    NOT_EMPTY,
    ROOT_IMMUTABLE,
    WEAK_PASSWORD,
    EXPIRED,
    RATE_LIMITED,
    TENANT_REQUIRED,
    INVALID_EMA_ID,
    INVALID_UID,
    INVALID_TIME_ZONE,
    IN_USE,
    NO_TARIFF,
    INVALID_CURRENCY,
    /** Two values that must be ordered are not: a minimum above its maximum, periods out of order. */
    OUT_OF_ORDER,
    /** A number too large for its field, or with more decimal places than it keeps. */
    OUT_OF_RANGE,
    /** The charge point, EVSE or token cannot be used for charging now: out of order, disabled, its owner disabled. */
    NOT_USABLE,
    /** Beyond a limit the tenant set (reservations a day, the cool-down between them, one held at a time). */
    LIMIT_REACHED,
    /** The driver's wallet holds less than what was asked of it. */
    INSUFFICIENT_BALANCE,
    /** A single-use thing (a voucher) was used already. */
    ALREADY_USED
}
