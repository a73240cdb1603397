package io.chargebase.domain.assets;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.internal.AccessRows;

/**
 * Who may see and use which charge points (the manual's Access Type, "Show to public with notice", Managed By Operator
 * and disabled Charging Zones). What a driver sees is enforced by row-level security on their transactions; what a
 * driver may use is asked here, by the app's fields and by the OCPP adapter when a charger authorizes or starts.
 * Drivers are invited to a private location through the user groups it grants access to.
 */
@Service
@Transactional
public class ChargerAccess {

    private static final int MAX_NOTICE = 500;
    private static final int MAX_GROUPS = 100;

    private final AccessRows rows;
    private final Locations locations;
    private final ChargePoints chargePoints;
    private final FreeVend freeVend;

    ChargerAccess(AccessRows rows, Locations locations, ChargePoints chargePoints, FreeVend freeVend) {
        this.freeVend = freeVend;
        this.rows = rows;
        this.locations = locations;
        this.chargePoints = chargePoints;
    }

    /** The access of each charge point as it stands for {@code profileId}; null profile: nobody is invited. */
    @Transactional(readOnly = true)
    public Map<UUID, ChargePointAccess> of(Collection<UUID> chargePointIds, UUID profileId) {
        return rows.of(chargePointIds, profileId);
    }

    /**
     * Whether the charger sent the charge point's free-vend idTag (plug and charge without authorization, {@link FreeVend}):
     * then anyone may charge there, anonymously, without a token.
     */
    @Transactional(readOnly = true)
    public boolean acceptsFreeVend(UUID chargePointId, String idTag) {
        return freeVend.accepts(chargePointId, idTag);
    }

    /** Whether a session of {@code profileId} (null: a token nobody owns) may start at the charge point. */
    @Transactional(readOnly = true)
    public boolean usableBy(UUID chargePointId, UUID profileId) {
        ChargePointAccess access = rows.of(List.of(chargePointId), profileId).get(chargePointId);
        return access != null && access.usable();
    }

    /** Sets a location's access, the notice shown to drivers who are not invited (null: hidden from them), and who is. */
    public Location setLocationAccess(UUID locationId, AssetTypes.Access access, String publicNotice, Collection<UUID> invitedUserGroupIds) {
        if (access == null) {
            throw new DomainException(ErrorCode.REQUIRED, "access", "Say whether the location is public, semi-public or private.");
        }
        String notice = Text.optional("publicNotice", publicNotice, MAX_NOTICE);
        Set<UUID> groups = invitedUserGroupIds == null ? Set.of() : new LinkedHashSet<>(invitedUserGroupIds);
        if (groups.size() > MAX_GROUPS) {
            throw new DomainException(ErrorCode.INVALID, "invitedUserGroupIds", "At most " + MAX_GROUPS + " user groups.");
        }
        if (!groups.isEmpty() && rows.existingUserGroups(groups) != groups.size()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "invitedUserGroupIds", "A user group given does not exist.");
        }
        if (!rows.setLocationAccess(locationId, access, notice)) {
            throw DomainException.notFound("locationId", "location", locationId);
        }
        rows.replaceGrants(locationId, groups);
        return locations.find(locationId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Map<UUID, String> locationNotices(Collection<UUID> locationIds) {
        return rows.locationNotices(locationIds);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> invitedUserGroups(Collection<UUID> locationIds) {
        return rows.grants(locationIds);
    }

    /**
     * Sets a charge point's own access (null: its location's), its public notice, and whether the operator manages it;
     * a charge point that is not managed is shown as a point of interest and needs the notice drivers see instead.
     */
    public ChargePoint setChargePointAccess(UUID chargePointId, AssetTypes.Access access, String publicNotice, boolean managedByOperator,
            String operatorNotice) {
        String notice = Text.optional("publicNotice", publicNotice, MAX_NOTICE);
        String operator = Text.optional("operatorNotice", operatorNotice, MAX_NOTICE);
        if (!managedByOperator && operator == null) {
            throw new DomainException(ErrorCode.REQUIRED, "operatorNotice",
                    "A charge point not managed by the operator is shown with a notice to drivers: give it.");
        }
        if (!rows.setChargePointAccess(chargePointId, access, notice, managedByOperator, operator)) {
            throw DomainException.notFound("chargePointId", "charge point", chargePointId);
        }
        return chargePoints.find(chargePointId).orElseThrow();
    }

    /** Disables (hides from drivers, with its charge points) or enables a charging zone. */
    public ChargingZone setZoneDisabled(UUID zoneId, boolean disabled) {
        if (!rows.setZoneDisabled(zoneId, disabled)) {
            throw DomainException.notFound("zoneId", "charging zone", zoneId);
        }
        return chargePoints.findZones(List.of(zoneId)).getFirst();
    }

    @Transactional(readOnly = true)
    public Map<UUID, Boolean> zonesDisabled(Collection<UUID> zoneIds) {
        return rows.zonesDisabled(zoneIds);
    }
}
