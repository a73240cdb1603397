package io.chargebase.api.graphql.assets;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.graphql.scope.Audience;
import io.chargebase.api.security.Role;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Connector;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.domain.assets.NewLocation;
import io.chargebase.domain.Page;

@Controller
class AssetController {

    private final Locations locations;
    private final ChargePoints chargePoints;
    private final io.chargebase.domain.assets.ChargePointTemplates templates;

    AssetController(Locations locations, ChargePoints chargePoints, io.chargebase.domain.assets.ChargePointTemplates templates) {
        this.locations = locations;
        this.chargePoints = chargePoints;
        this.templates = templates;
    }

    record Address(String street, String postalCode, String city, String country) {
    }

    record Coordinates(BigDecimal latitude, BigDecimal longitude) {
    }

    record CreateLocationInput(String name, String street, String postalCode, String city, String country, Double latitude,
            Double longitude, String timeZone, AssetTypes.Access access, String openingHours, String operatorId) {
    }

    record LocationPayload(Location location, List<UserError> userErrors) {
    }

    record ConnectorInput(AssetTypes.ConnectorStandard standard, AssetTypes.ConnectorFormat format, AssetTypes.PowerType powerType,
            Integer maxVoltage, Integer maxAmperage) {
    }

    record EvseInput(String evseId, AssetTypes.CurrentType currentType, Double maxPowerKw, List<ConnectorInput> connectors) {
    }

    record RegisterChargePointInput(String locationId, String ocppIdentity, String vendor, String model, String serialNumber,
            AssetTypes.ChargePointStatus status, List<EvseInput> evses, String templateId) {
    }

    record CreateChargePointTemplateInput(String name, String vendor, String model, List<EvseInput> evses) {
    }

    record ChargePointTemplatePayload(io.chargebase.domain.assets.ChargePointTemplate chargePointTemplate, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT_TEMPLATE, field = "id")
    @PlainField
    String templateId(io.chargebase.domain.assets.ChargePointTemplate template) {
        return GlobalId.encode(Types.CHARGE_POINT_TEMPLATE, template.id());
    }

    @QueryMapping
    List<io.chargebase.domain.assets.ChargePointTemplate> chargePointTemplates() {
        return templates.list();
    }

    @MutationMapping
    ChargePointTemplatePayload createChargePointTemplate(@Argument CreateChargePointTemplateInput input) {
        return UserError.attempt(() -> new ChargePointTemplatePayload(templates.create(input.name(), input.vendor(), input.model(),
                        newEvses(input.evses())), List.of()),
                errors -> new ChargePointTemplatePayload(null, errors));
    }

    private static List<NewChargePoint.NewEvse> newEvses(List<EvseInput> evses) {
        return evses == null ? List.of() : evses.stream()
                .map(evse -> new NewChargePoint.NewEvse(evse.evseId(), evse.currentType(), decimal(evse.maxPowerKw()),
                        evse.connectors().stream().map(connector -> new NewChargePoint.NewConnector(connector.standard(),
                                connector.format(), connector.powerType(), connector.maxVoltage(), connector.maxAmperage())).toList()))
                .toList();
    }

    record RegisterChargePointPayload(ChargePoint chargePoint, String chargerSecret, List<UserError> userErrors) {
    }

    record SetChargePointStatusInput(String chargePointId, AssetTypes.ChargePointStatus status) {
    }

    record ChargePointPayload(ChargePoint chargePoint, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.LOCATION, field = "id")
    @PlainField
    String locationId(Location location) {
        return GlobalId.encode(Types.LOCATION, location.id());
    }

    @SchemaMapping(typeName = Types.LOCATION, field = "address")
    @PlainField
    Address address(Location location) {
        return new Address(location.street(), location.postalCode(), location.city(), location.country());
    }

    @SchemaMapping(typeName = Types.LOCATION, field = "coordinates")
    @PlainField
    Coordinates coordinates(Location location) {
        return new Coordinates(location.latitude(), location.longitude());
    }

    /** Drivers do not see DISABLED charge points (manual: not visible in the EV driver's app). */
    @BatchMapping(typeName = Types.LOCATION, field = "chargePoints")
    Map<Location, List<ChargePoint>> chargePointsAt(List<Location> found) {
        Map<UUID, List<ChargePoint>> byLocation = chargePoints.atLocations(found.stream().map(Location::id).toList());
        boolean driver = Audience.current().filter(role -> role == Role.DRIVER).isPresent();
        Map<Location, List<ChargePoint>> result = new LinkedHashMap<>();
        found.forEach(location -> result.put(location, byLocation.getOrDefault(location.id(), List.of()).stream()
                .filter(chargePoint -> !driver || chargePoint.status().shownToDrivers()).toList()));
        return result;
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "id")
    @PlainField
    String chargePointId(ChargePoint chargePoint) {
        return GlobalId.encode(Types.CHARGE_POINT, chargePoint.id());
    }

    @BatchMapping(typeName = Types.CHARGE_POINT)
    Map<ChargePoint, Location> location(List<ChargePoint> found) {
        Map<UUID, Location> byId = locations.findAll(found.stream().map(ChargePoint::locationId).distinct().toList());
        Map<ChargePoint, Location> result = new LinkedHashMap<>();
        found.forEach(chargePoint -> result.put(chargePoint, byId.get(chargePoint.locationId())));
        return result;
    }

    @BatchMapping(typeName = Types.CHARGE_POINT)
    Map<ChargePoint, List<Evse>> evses(List<ChargePoint> found) {
        Map<UUID, List<Evse>> byChargePoint = chargePoints.evsesOf(found.stream().map(ChargePoint::id).toList());
        Map<ChargePoint, List<Evse>> result = new LinkedHashMap<>();
        found.forEach(chargePoint -> result.put(chargePoint, byChargePoint.getOrDefault(chargePoint.id(), List.of())));
        return result;
    }

    @SchemaMapping(typeName = Types.EVSE, field = "id")
    @PlainField
    String evseId(Evse evse) {
        return GlobalId.encode(Types.EVSE, evse.id());
    }

    /** Staff see the EVSE's own status; drivers see an EVSE of an OUT_OF_ORDER charge point as out of order. */
    @BatchMapping(typeName = Types.EVSE, field = "status")
    Map<Evse, AssetTypes.EvseStatus> evseStatus(List<Evse> found) {
        boolean driver = Audience.current().filter(role -> role == Role.DRIVER).isPresent();
        Map<UUID, AssetTypes.ChargePointStatus> operator = driver
                ? chargePoints.statuses(found.stream().map(Evse::chargePointId).distinct().toList()) : Map.of();
        Map<Evse, AssetTypes.EvseStatus> result = new LinkedHashMap<>();
        found.forEach(evse -> result.put(evse, driver ? ChargePoints.driversSee(evse, operator.get(evse.chargePointId())) : evse.status()));
        return result;
    }

    @BatchMapping(typeName = Types.EVSE)
    Map<Evse, List<Connector>> connectors(List<Evse> found) {
        Map<UUID, List<Connector>> byEvse = chargePoints.connectorsOf(found.stream().map(Evse::id).toList());
        Map<Evse, List<Connector>> result = new LinkedHashMap<>();
        found.forEach(evse -> result.put(evse, byEvse.getOrDefault(evse.id(), List.of())));
        return result;
    }

    @QueryMapping
    Connection<Location> locations(@Argument Integer first, @Argument String after, @Argument String text) {
        int size = Connection.pageSize(first);
        Page<Location> page = locations.search(text, Connection.afterId(after), size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), location -> location.id().toString());
    }

    @QueryMapping
    Connection<ChargePoint> chargePoints(@Argument Integer first, @Argument String after, @Argument String text,
            @Argument String locationId) {
        int size = Connection.pageSize(first);
        UUID location = GlobalId.optional(Types.LOCATION, locationId, "locationId");
        Page<ChargePoint> page = chargePoints.search(text, location, Connection.afterId(after), size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), chargePoint -> chargePoint.id().toString());
    }

    @MutationMapping
    LocationPayload createLocation(@Argument CreateLocationInput input) {
        return UserError.attempt(() -> new LocationPayload(locations.create(new NewLocation(input.name(), input.street(),
                        input.postalCode(), input.city(), input.country(), decimal(input.latitude()), decimal(input.longitude()),
                        input.timeZone(), input.access(), input.openingHours(), input.operatorId())), List.of()),
                errors -> new LocationPayload(null, errors));
    }

    @MutationMapping
    RegisterChargePointPayload registerChargePoint(@Argument RegisterChargePointInput input) {
        return UserError.attempt(() -> {
            ChargePoints.Registered registered = register(input);
            return new RegisterChargePointPayload(registered.chargePoint(), registered.secret(), List.of());
        }, errors -> new RegisterChargePointPayload(null, null, errors));
    }

    /** Registers as {@code registerChargePoint} does, from a template or with the EVSEs given; also for pending chargers. */
    ChargePoints.Registered register(RegisterChargePointInput input) {
        UUID location = GlobalId.require(Types.LOCATION, input.locationId(), "locationId");
        return input.templateId() != null && input.evses() == null
                ? chargePoints.registerFromTemplate(GlobalId.require(Types.CHARGE_POINT_TEMPLATE, input.templateId(), "templateId"),
                        location, input.ocppIdentity(), input.serialNumber(), input.status())
                : chargePoints.register(new NewChargePoint(location, input.ocppIdentity(), input.vendor(), input.model(),
                        input.serialNumber(), input.status(), newEvses(input.evses())));
    }

    @MutationMapping
    ChargePointPayload setChargePointStatus(@Argument SetChargePointStatusInput input) {
        return UserError.attempt(() -> new ChargePointPayload(chargePoints.setStatus(
                        GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId"), input.status()), List.of()),
                errors -> new ChargePointPayload(null, errors));
    }

    record SetEvseStatusInput(String evseId, AssetTypes.EvseStatus status) {
    }

    record RenewChargerSecretInput(String chargePointId) {
    }

    record SetChargerSecretInput(String chargePointId, String secret) {
    }

    @MutationMapping
    RegisterChargePointPayload renewChargerSecret(@Argument RenewChargerSecretInput input) {
        return UserError.attempt(() -> {
            java.util.UUID id = GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId");
            String secret = chargePoints.renewSecret(id);
            return new RegisterChargePointPayload(chargePoints.find(id).orElseThrow(), secret, List.of());
        }, errors -> new RegisterChargePointPayload(null, null, errors));
    }

    @MutationMapping
    ChargePointPayload setChargerSecret(@Argument SetChargerSecretInput input) {
        return UserError.attempt(() -> {
            java.util.UUID id = GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId");
            chargePoints.setSecret(id, input.secret());
            return new ChargePointPayload(chargePoints.find(id).orElseThrow(), List.of());
        }, errors -> new ChargePointPayload(null, errors));
    }

    record CreateChargingZoneInput(String locationId, String name) {
    }

    record ChargingZonePayload(io.chargebase.domain.assets.ChargingZone chargingZone, List<UserError> userErrors) {
    }

    record PlaceChargePointInput(String chargePointId, String zoneId) {
    }

    record DeleteChargePointInput(String chargePointId) {
    }

    record DeleteChargePointPayload(String deletedChargePointId, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.CHARGING_ZONE, field = "id")
    @PlainField
    String zoneId(io.chargebase.domain.assets.ChargingZone zone) {
        return GlobalId.encode(Types.CHARGING_ZONE, zone.id());
    }

    @BatchMapping(typeName = Types.LOCATION)
    Map<Location, List<io.chargebase.domain.assets.ChargingZone>> zones(List<Location> found) {
        Map<UUID, List<io.chargebase.domain.assets.ChargingZone>> byLocation = chargePoints.zonesAt(found.stream().map(Location::id).toList());
        Map<Location, List<io.chargebase.domain.assets.ChargingZone>> result = new LinkedHashMap<>();
        found.forEach(location -> result.put(location, byLocation.getOrDefault(location.id(), List.of())));
        return result;
    }

    @BatchMapping(typeName = Types.CHARGE_POINT)
    Map<ChargePoint, io.chargebase.domain.assets.ChargingZone> zone(List<ChargePoint> found) {
        Map<UUID, io.chargebase.domain.assets.ChargingZone> byId = new LinkedHashMap<>();
        chargePoints.findZones(found.stream().map(ChargePoint::zoneId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(zone -> byId.put(zone.id(), zone));
        Map<ChargePoint, io.chargebase.domain.assets.ChargingZone> result = new LinkedHashMap<>();
        found.forEach(chargePoint -> result.put(chargePoint, chargePoint.zoneId() == null ? null : byId.get(chargePoint.zoneId())));
        return result;
    }

    @MutationMapping
    ChargingZonePayload createChargingZone(@Argument CreateChargingZoneInput input) {
        return UserError.attempt(() -> new ChargingZonePayload(chargePoints.createZone(
                        GlobalId.require(Types.LOCATION, input.locationId(), "locationId"), input.name()), List.of()),
                errors -> new ChargingZonePayload(null, errors));
    }

    @MutationMapping
    ChargePointPayload placeChargePoint(@Argument PlaceChargePointInput input) {
        return UserError.attempt(() -> new ChargePointPayload(chargePoints.placeInZone(
                        GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId"),
                        GlobalId.optional(Types.CHARGING_ZONE, input.zoneId(), "zoneId")), List.of()),
                errors -> new ChargePointPayload(null, errors));
    }

    @MutationMapping
    DeleteChargePointPayload deleteChargePoint(@Argument DeleteChargePointInput input) {
        return UserError.attempt(() -> new DeleteChargePointPayload(GlobalId.encode(Types.CHARGE_POINT,
                        chargePoints.delete(GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId"))), List.of()),
                errors -> new DeleteChargePointPayload(null, errors));
    }

    record DeleteLocationInput(String locationId) {
    }

    record DeleteLocationPayload(String deletedLocationId, List<UserError> userErrors) {
    }

    record UpdateChargePointInput(String chargePointId, String vendor, String model, String serialNumber) {
    }

    @MutationMapping
    DeleteLocationPayload deleteLocation(@Argument DeleteLocationInput input) {
        return UserError.attempt(() -> new DeleteLocationPayload(GlobalId.encode(Types.LOCATION,
                        locations.delete(GlobalId.require(Types.LOCATION, input.locationId(), "locationId"))), List.of()),
                errors -> new DeleteLocationPayload(null, errors));
    }

    @MutationMapping
    ChargePointPayload updateChargePoint(@Argument UpdateChargePointInput input) {
        return UserError.attempt(() -> new ChargePointPayload(chargePoints.updateDetails(
                        GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId"), input.vendor(), input.model(),
                        input.serialNumber()), List.of()),
                errors -> new ChargePointPayload(null, errors));
    }

    record UpdateLocationInput(String locationId, String name, String street, String postalCode, String city, String country,
            Double latitude, Double longitude, String timeZone, AssetTypes.Access access, String openingHours, String operatorId) {
    }

    @MutationMapping
    LocationPayload updateLocation(@Argument UpdateLocationInput input) {
        return UserError.attempt(() -> new LocationPayload(locations.update(GlobalId.require(Types.LOCATION, input.locationId(), "locationId"),
                        new NewLocation(input.name(), input.street(), input.postalCode(), input.city(), input.country(),
                                decimal(input.latitude()), decimal(input.longitude()), input.timeZone(), input.access(), input.openingHours(),
                                input.operatorId())), List.of()),
                errors -> new LocationPayload(null, errors));
    }

    record EvsePayload(Evse evse, List<UserError> userErrors) {
    }

    @MutationMapping
    EvsePayload setEvseStatus(@Argument SetEvseStatusInput input) {
        return UserError.attempt(() -> new EvsePayload(chargePoints.setEvseStatus(GlobalId.require(Types.EVSE, input.evseId(), "evseId"),
                input.status()), List.of()), errors -> new EvsePayload(null, errors));
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

}
