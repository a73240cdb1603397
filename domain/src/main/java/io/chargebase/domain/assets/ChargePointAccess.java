package io.chargebase.domain.assets;

import java.util.UUID;

/**
 * How a charge point is offered to drivers (the manual's Access Type, "Show to public with notice" and Managed By
 * Operator), and what that means for one driver. A charge point without an access of its own has its location's; it
 * is private when it or its location is. {@code invited} says whether the driver asked about is in a user group the
 * location grants access to.
 */
public record ChargePointAccess(UUID chargePointId, AssetTypes.Access access, String publicNotice, boolean managedByOperator,
        String operatorNotice, AssetTypes.Access locationAccess, String locationNotice, boolean zoneDisabled, boolean invited) {

    public boolean isPrivate() {
        return access == AssetTypes.Access.PRIVATE || locationAccess == AssetTypes.Access.PRIVATE;
    }

    /** Whether the driver may start a session here: a managed charge point in an enabled zone, public or invited to. */
    public boolean usable() {
        return managedByOperator && !zoneDisabled && (!isPrivate() || invited);
    }

    /**
     * The notice the driver is shown: a point of interest's operator notice, or the public notice of a private charge
     * point (its own, else its location's) to a driver who is not invited; null when none applies.
     */
    public String driverNotice() {
        if (!managedByOperator) {
            return operatorNotice;
        }
        if (isPrivate() && !invited) {
            return publicNotice != null ? publicNotice : locationNotice;
        }
        return null;
    }
}
