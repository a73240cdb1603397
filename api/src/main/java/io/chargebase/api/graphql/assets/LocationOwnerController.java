package io.chargebase.api.graphql.assets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OrganisationUnits;

/** Who owns a location: the unit whose users the "owner's users" tariff restriction means. */
@Controller
class LocationOwnerController {

    record SetLocationOwnerInput(String locationId, String organisationUnitId) {
    }

    record SetLocationOwnerPayload(Location location, List<UserError> userErrors) {
    }

    private final Locations locations;
    private final OrganisationUnits units;

    LocationOwnerController(Locations locations, OrganisationUnits units) {
        this.locations = locations;
        this.units = units;
    }

    @BatchMapping(typeName = Types.LOCATION, field = "owner")
    Map<Location, OrganisationUnit> owner(List<Location> found) {
        Map<UUID, UUID> owners = locations.owners(found.stream().map(Location::id).toList());
        Map<UUID, OrganisationUnit> byId = units.findAll(owners.values().stream().distinct().toList());
        Map<Location, OrganisationUnit> result = new LinkedHashMap<>();
        found.forEach(location -> {
            OrganisationUnit unit = byId.get(owners.get(location.id()));
            if (unit != null) {
                result.put(location, unit);
            }
        });
        return result;
    }

    @MutationMapping
    SetLocationOwnerPayload setLocationOwner(@Argument SetLocationOwnerInput input) {
        return UserError.attempt(() -> new SetLocationOwnerPayload(locations.setOwner(GlobalId.require(Types.LOCATION, input.locationId(), "locationId"),
                        GlobalId.optional(Types.ORGANISATION_UNIT, input.organisationUnitId(), "organisationUnitId")), List.of()),
                errors -> new SetLocationOwnerPayload(null, errors));
    }
}
