package io.chargebase.api.graphql.assets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.graphql.organisation.GroupController;
import io.chargebase.api.graphql.tariffs.DriverPrices;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePointAccess;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.ChargerAccess;
import io.chargebase.domain.assets.ChargerSearch;
import io.chargebase.domain.assets.ChargingZone;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.organisation.Group;
import io.chargebase.domain.organisation.Groups;

/**
 * The driver app's map (issue 17): {@code findChargers} near a point or in a box, and who may see and use a location
 * or charge point. What a driver sees is already narrowed by row-level security; the fields here say what the
 * signed-in driver may do with what they see.
 */
@Controller
class ChargerFinderController {

    private final Locations locations;
    private final ChargePoints chargePoints;
    private final ChargerAccess access;
    private final Groups groups;
    private final DriverPrices prices;

    ChargerFinderController(Locations locations, ChargePoints chargePoints, ChargerAccess access, Groups groups, DriverPrices prices) {
        this.locations = locations;
        this.chargePoints = chargePoints;
        this.access = access;
        this.groups = groups;
        this.prices = prices;
    }

    record GeoPointInput(Double latitude, Double longitude) {
    }

    record GeoBoxInput(Double south, Double west, Double north, Double east) {
    }

    record ChargerFilterInput(AssetTypes.CurrentType currentType, Double minPowerKw, List<AssetTypes.ConnectorStandard> standards,
            Boolean availableNow, Boolean freeOfCharge) {
    }

    record ChargerLocationEdge(String cursor, Location node, Double distanceKm) {
    }

    record ChargerLocationConnection(List<ChargerLocationEdge> edges, Connection.PageInfo pageInfo) {
    }

    @QueryMapping
    ChargerLocationConnection findChargers(@Argument GeoPointInput near, @Argument Double radiusKm, @Argument GeoBoxInput box,
            @Argument ChargerFilterInput filter, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first);
        if ((near == null) == (box == null)) {
            throw new BadRequestException("Give exactly one of near and box.");
        }
        if (box != null && radiusKm != null) {
            throw new BadRequestException("radiusKm goes with near, not with box.");
        }
        ChargerSearch.Area area = near != null
                ? new ChargerSearch.Near(near.latitude(), near.longitude(), radiusKm == null ? ChargerSearch.DEFAULT_RADIUS_KM : radiusKm)
                : new ChargerSearch.Box(box.south(), box.west(), box.north(), box.east());
        ChargerSearch.Filter criteria = filter == null ? ChargerSearch.Filter.ANY : new ChargerSearch.Filter(filter.currentType(),
                filter.minPowerKw() == null ? null : BigDecimal.valueOf(filter.minPowerKw()),
                filter.standards() == null ? null : Set.copyOf(filter.standards()), Boolean.TRUE.equals(filter.availableNow()));
        List<ChargerSearch.Found> rows = locations.findChargers(area, criteria, after(after, near != null), size + 1);
        boolean more = rows.size() > size;
        List<ChargerSearch.Found> page = more ? rows.subList(0, size) : rows;
        // the cursor is the last row of the page as fetched, so a page thinned by freeOfCharge still continues after it
        String endCursor = page.isEmpty() ? null : cursor(page.getLast());
        if (filter != null && Boolean.TRUE.equals(filter.freeOfCharge())) {
            page = freeOnly(page);
        }
        List<ChargerLocationEdge> edges = page.stream().map(found -> new ChargerLocationEdge(cursor(found), found.location(), found.distanceKm()))
                .toList();
        return new ChargerLocationConnection(edges, new Connection.PageInfo(more, after != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), endCursor));
    }

    /** The locations of the page with an EVSE that costs the signed-in driver nothing now. */
    private List<ChargerSearch.Found> freeOnly(List<ChargerSearch.Found> page) {
        Map<UUID, List<ChargePoint>> byLocation = chargePoints.atLocations(page.stream().map(found -> found.location().id()).toList());
        Map<UUID, List<Evse>> evses = chargePoints.evsesOf(byLocation.values().stream().flatMap(List::stream).map(ChargePoint::id).toList());
        Map<UUID, UUID> locationOfEvse = new LinkedHashMap<>();
        byLocation.forEach((location, points) -> points.forEach(point -> evses.getOrDefault(point.id(), List.of())
                .forEach(evse -> locationOfEvse.put(evse.id(), location))));
        Set<UUID> free = prices.freeForDriver(locationOfEvse.keySet()).stream().map(locationOfEvse::get).collect(Collectors.toSet());
        return page.stream().filter(found -> free.contains(found.location().id())).toList();
    }

    private static String cursor(ChargerSearch.Found found) {
        return Connection.encodeCursor(found.distanceKm() == null ? "b:" + found.location().id()
                : "d:" + Double.toString(found.distanceKm()) + ":" + found.location().id());
    }

    private static ChargerSearch.After after(String cursor, boolean near) {
        if (cursor == null) {
            return null;
        }
        String raw = Connection.decodeCursor(cursor);
        try {
            if (near && raw.startsWith("d:")) {
                int split = raw.lastIndexOf(':');
                double distance = Double.parseDouble(raw.substring(2, split));
                if (Double.isFinite(distance)) {
                    return new ChargerSearch.After(distance, UUID.fromString(raw.substring(split + 1)));
                }
            } else if (!near && raw.startsWith("b:")) {
                return new ChargerSearch.After(null, UUID.fromString(raw.substring(2)));
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new BadRequestException("'after' is not a cursor of this search.");
    }

    // ---- access: what drivers see and may use

    record ChargePointAccessView(AssetTypes.Access access, String publicNotice, boolean managedByOperator, String operatorNotice,
            String driverNotice, boolean usable) {
    }

    @BatchMapping(typeName = Types.CHARGE_POINT, field = "driverAccess")
    Map<ChargePoint, ChargePointAccessView> driverAccess(List<ChargePoint> found) {
        UUID driver = DriverPrices.signedInDriver();
        Map<UUID, ChargePointAccess> byId = access.of(found.stream().map(ChargePoint::id).toList(), driver);
        Map<ChargePoint, ChargePointAccessView> result = new LinkedHashMap<>();
        for (ChargePoint chargePoint : found) {
            ChargePointAccess rules = byId.get(chargePoint.id());
            result.put(chargePoint, new ChargePointAccessView(rules.access(), rules.publicNotice(), rules.managedByOperator(), rules.operatorNotice(),
                    driver == null ? null : rules.driverNotice(), driver != null && rules.usable()));
        }
        return result;
    }

    @BatchMapping(typeName = Types.LOCATION, field = "publicNotice")
    Map<Location, String> publicNotice(List<Location> found) {
        Map<UUID, String> notices = access.locationNotices(found.stream().map(Location::id).toList());
        Map<Location, String> result = new LinkedHashMap<>();
        found.forEach(location -> result.put(location, notices.get(location.id())));
        return result;
    }

    @BatchMapping(typeName = Types.LOCATION, field = "invitedUserGroups")
    Map<Location, List<GroupController.UserGroup>> invitedUserGroups(List<Location> found) {
        Map<UUID, List<UUID>> grants = access.invitedUserGroups(found.stream().map(Location::id).toList());
        Map<UUID, Group> all = grants.isEmpty() ? Map.of()
                : groups.userGroups().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<Location, List<GroupController.UserGroup>> result = new LinkedHashMap<>();
        found.forEach(location -> result.put(location, grants.getOrDefault(location.id(), List.of()).stream().map(all::get)
                .filter(Objects::nonNull).map(GroupController.UserGroup::new).toList()));
        return result;
    }

    @BatchMapping(typeName = Types.CHARGING_ZONE, field = "disabled")
    Map<ChargingZone, Boolean> disabled(List<ChargingZone> found) {
        Map<UUID, Boolean> disabled = access.zonesDisabled(found.stream().map(ChargingZone::id).toList());
        Map<ChargingZone, Boolean> result = new LinkedHashMap<>();
        found.forEach(zone -> result.put(zone, disabled.getOrDefault(zone.id(), false)));
        return result;
    }

    record SetLocationAccessInput(String locationId, AssetTypes.Access access, String publicNotice, List<String> invitedUserGroupIds) {
    }

    record SetChargePointAccessInput(String chargePointId, AssetTypes.Access access, String publicNotice, Boolean managedByOperator,
            String operatorNotice) {
    }

    record SetChargingZoneDisabledInput(String zoneId, Boolean disabled) {
    }

    @MutationMapping
    AssetController.LocationPayload setLocationAccess(@Argument SetLocationAccessInput input) {
        return UserError.attempt(() -> {
            UUID location = GlobalId.require(Types.LOCATION, input.locationId(), "locationId");
            List<UUID> invited = new ArrayList<>();
            for (String id : input.invitedUserGroupIds()) {
                invited.add(GlobalId.require(Types.USER_GROUP, id, "invitedUserGroupIds"));
            }
            return new AssetController.LocationPayload(access.setLocationAccess(location, input.access(), input.publicNotice(), invited), List.of());
        }, errors -> new AssetController.LocationPayload(null, errors));
    }

    @MutationMapping
    AssetController.ChargePointPayload setChargePointAccess(@Argument SetChargePointAccessInput input) {
        return UserError.attempt(() -> new AssetController.ChargePointPayload(access.setChargePointAccess(
                        GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId"), input.access(), input.publicNotice(),
                        input.managedByOperator(), input.operatorNotice()), List.of()),
                errors -> new AssetController.ChargePointPayload(null, errors));
    }

    @MutationMapping
    AssetController.ChargingZonePayload setChargingZoneDisabled(@Argument SetChargingZoneDisabledInput input) {
        return UserError.attempt(() -> new AssetController.ChargingZonePayload(access.setZoneDisabled(
                        GlobalId.require(Types.CHARGING_ZONE, input.zoneId(), "zoneId"), input.disabled()), List.of()),
                errors -> new AssetController.ChargingZonePayload(null, errors));
    }
}
