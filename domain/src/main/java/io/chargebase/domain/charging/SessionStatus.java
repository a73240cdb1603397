package io.chargebase.domain.charging;

/** A session waits for the car (PENDING), charges (ACTIVE), and ends FINISHED, or FAILED when it never really started. */
public enum SessionStatus { PENDING, ACTIVE, FINISHED, FAILED }
