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

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.Connector;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.assets.LocationGroup;
import io.chargebase.domain.assets.LocationGroups;
import io.chargebase.domain.assets.Locations;

@Controller
class LocationGroupController {

    private final LocationGroups groups;
    private final Locations locations;

    LocationGroupController(LocationGroups groups, Locations locations) {
        this.groups = groups;
        this.locations = locations;
    }

    record CreateLocationGroupInput(String name, List<String> countries, List<String> operatorIds, AssetTypes.CurrentType currentType,
            Double minPowerKw,
            Double maxPowerKw, List<String> locationIds, List<String> connectorIds) {
    }

    record LocationGroupPayload(LocationGroup locationGroup, List<UserError> userErrors) {
    }

    record DeleteLocationGroupInput(String locationGroupId) {
    }

    record DeleteLocationGroupPayload(String deletedLocationGroupId, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.LOCATION_GROUP, field = "id")
    @PlainField
    String id(LocationGroup group) {
        return GlobalId.encode(Types.LOCATION_GROUP, group.id());
    }

    @SchemaMapping(typeName = Types.CONNECTOR, field = "id")
    @PlainField
    String connectorId(Connector connector) {
        return GlobalId.encode(Types.CONNECTOR, connector.id());
    }

    @BatchMapping(typeName = Types.LOCATION_GROUP)
    Map<LocationGroup, List<Location>> locations(List<LocationGroup> found) {
        Map<UUID, Location> byId = locations.findAll(found.stream().filter(group -> group.locationIds() != null)
                .flatMap(group -> group.locationIds().stream()).distinct().toList());
        Map<LocationGroup, List<Location>> result = new LinkedHashMap<>();
        found.forEach(group -> result.put(group, group.locationIds() == null ? null
                : group.locationIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList()));
        return result;
    }

    @BatchMapping(typeName = Types.LOCATION_GROUP)
    Map<LocationGroup, Integer> connectorCount(List<LocationGroup> found) {
        Map<UUID, Long> counts = groups.memberCounts(found.stream().map(LocationGroup::id).toList());
        Map<LocationGroup, Integer> result = new LinkedHashMap<>();
        found.forEach(group -> result.put(group, counts.getOrDefault(group.id(), 0L).intValue()));
        return result;
    }

    @BatchMapping(typeName = Types.CONNECTOR)
    Map<Connector, List<LocationGroup>> locationGroups(List<Connector> connectors) {
        Map<UUID, List<UUID>> membership = groups.groupsOfConnectors(connectors.stream().map(Connector::id).toList());
        Map<UUID, LocationGroup> byId = new LinkedHashMap<>();
        groups.list().forEach(group -> byId.put(group.id(), group));
        Map<Connector, List<LocationGroup>> result = new LinkedHashMap<>();
        connectors.forEach(connector -> result.put(connector,
                membership.getOrDefault(connector.id(), List.of()).stream().map(byId::get).toList()));
        return result;
    }

    @QueryMapping
    List<LocationGroup> locationGroups() {
        return groups.list();
    }

    @MutationMapping
    LocationGroupPayload createLocationGroup(@Argument CreateLocationGroupInput input) {
        return UserError.attempt(() -> new LocationGroupPayload(groups.create(input.name(), input.countries(), input.operatorIds(), input.currentType(),
                        decimal(input.minPowerKw()), decimal(input.maxPowerKw()),
                        ids(Types.LOCATION, input.locationIds(), "locationIds"), ids(Types.CONNECTOR, input.connectorIds(), "connectorIds")),
                        List.of()),
                errors -> new LocationGroupPayload(null, errors));
    }

    @MutationMapping
    DeleteLocationGroupPayload deleteLocationGroup(@Argument DeleteLocationGroupInput input) {
        return UserError.attempt(() -> new DeleteLocationGroupPayload(GlobalId.encode(Types.LOCATION_GROUP,
                        groups.delete(GlobalId.require(Types.LOCATION_GROUP, input.locationGroupId(), "locationGroupId"))), List.of()),
                errors -> new DeleteLocationGroupPayload(null, errors));
    }

    private static List<UUID> ids(String type, List<String> globalIds, String field) {
        return globalIds == null ? null : globalIds.stream().map(id -> GlobalId.require(type, id, field)).toList();
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
