package io.chargebase.tenancy;

public enum TenantStatus {
    /** Serving its drivers, portals and chargers. */
    ACTIVE,
    /** Refused everywhere until the platform operator reactivates it; its data is kept. */
    SUSPENDED
}
