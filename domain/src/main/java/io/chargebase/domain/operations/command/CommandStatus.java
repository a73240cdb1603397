package io.chargebase.domain.operations.command;

/**
 * The statuses a charger answers commands with, across commands (each command uses some of them: a start is accepted
 * or rejected, an unlock unlocked or failed, an availability change may be scheduled for after the running session).
 */
public enum CommandStatus {
    ACCEPTED, REJECTED, SCHEDULED, REBOOT_REQUIRED, NOT_SUPPORTED, NOT_IMPLEMENTED, UNLOCKED, UNLOCK_FAILED, FAULTED, OCCUPIED,
    UNAVAILABLE, FAILED, VERSION_MISMATCH, UNKNOWN, UNKNOWN_MESSAGE_ID, UNKNOWN_VENDOR_ID
}
