package io.chargebase.api.graphql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.scope.Audience;
import io.chargebase.api.graphql.scope.FieldPolicy;
import io.chargebase.domain.identity.Users;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.Tenants;

/**
 * Resolves global ids. Each lookup runs in the caller's scope, so an id of another tenant's object resolves to
 * null exactly like an id that never existed; a driver resolves only the Node types {@code FieldPolicy} gives drivers,
 * and nothing of a DISABLED charge point.
 */
@Controller
class NodeController {

    static final int MAX_NODES = 100;

    private final Tenants tenants;
    private final OrganisationUnits units;
    private final Profiles profiles;
    private final Users users;
    private final io.chargebase.domain.tokens.Tokens tokens;
    private final io.chargebase.domain.assets.Locations locations;
    private final io.chargebase.domain.assets.ChargePoints chargePoints;
    private final io.chargebase.domain.assets.LocationGroups locationGroups;
    private final io.chargebase.domain.organisation.Groups groups;
    private final io.chargebase.domain.assets.ChargePointTemplates templates;
    private final io.chargebase.domain.tariffs.Tariffs tariffs;
    private final io.chargebase.domain.tariffs.TariffGroups tariffGroups;
    private final io.chargebase.domain.tariffs.TariffPlans tariffPlans;
    private final io.chargebase.domain.charging.Cdrs cdrs;
    private final io.chargebase.domain.operations.ChargerCommandLog commands;
    private final io.chargebase.domain.charging.ChargingSessions chargingSessions;
    private final io.chargebase.domain.charging.PendingChargePoints pendingChargePoints;
    private final io.chargebase.domain.charging.ChargerActivity activity;
    private final io.chargebase.domain.operations.Reservations reservations;

    NodeController(Tenants tenants, OrganisationUnits units, Profiles profiles, Users users, io.chargebase.domain.tokens.Tokens tokens,
            io.chargebase.domain.assets.Locations locations, io.chargebase.domain.assets.ChargePoints chargePoints,
            io.chargebase.domain.assets.LocationGroups locationGroups, io.chargebase.domain.organisation.Groups groups,
            io.chargebase.domain.assets.ChargePointTemplates templates, io.chargebase.domain.tariffs.Tariffs tariffs,
            io.chargebase.domain.tariffs.TariffGroups tariffGroups, io.chargebase.domain.tariffs.TariffPlans tariffPlans,
            io.chargebase.domain.charging.Cdrs cdrs, io.chargebase.domain.operations.ChargerCommandLog commands,
            io.chargebase.domain.charging.ChargingSessions chargingSessions, io.chargebase.domain.charging.PendingChargePoints pendingChargePoints,
            io.chargebase.domain.charging.ChargerActivity activity, io.chargebase.domain.operations.Reservations reservations) {
        this.pendingChargePoints = pendingChargePoints;
        this.activity = activity;
        this.reservations = reservations;
        this.commands = commands;
        this.chargingSessions = chargingSessions;
        this.templates = templates;
        this.tariffs = tariffs;
        this.tariffGroups = tariffGroups;
        this.tariffPlans = tariffPlans;
        this.cdrs = cdrs;
        this.locationGroups = locationGroups;
        this.groups = groups;
        this.tokens = tokens;
        this.locations = locations;
        this.chargePoints = chargePoints;
        this.tenants = tenants;
        this.units = units;
        this.profiles = profiles;
        this.users = users;
    }

    @QueryMapping
    Object node(@Argument String id) {
        return GlobalId.decode(id).flatMap(this::load).orElse(null);
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids) {
        if (ids.size() > MAX_NODES) {
            throw new BadRequestException("At most " + MAX_NODES + " ids at a time.");
        }
        return ids.stream().map(this::node).toList();
    }

    private Optional<?> load(GlobalId id) {
        // a driver resolves only the types a driver app shows (FieldPolicy): staff objects stay null, exactly like unknown ids
        var narrowed = Audience.current();
        if (narrowed.isPresent() && !FieldPolicy.resolvesNode(narrowed.get(), id.type())) {
            return Optional.empty();
        }
        Optional<?> found = find(id);
        // a DISABLED charge point is hidden from drivers, with its EVSEs and connectors (manual: not visible in the app)
        return narrowed.filter(role -> role == io.chargebase.api.security.Role.DRIVER).isPresent() ? found.filter(this::shownToDrivers) : found;
    }

    private boolean shownToDrivers(Object found) {
        UUID chargePoint = switch (found) {
            case io.chargebase.domain.assets.ChargePoint cp -> cp.id();
            case io.chargebase.domain.assets.Evse evse -> evse.chargePointId();
            case io.chargebase.domain.assets.Connector connector ->
                    chargePoints.findEvse(connector.evseId()).map(io.chargebase.domain.assets.Evse::chargePointId).orElse(null);
            default -> null;
        };
        return chargePoint == null || chargePoints.statuses(List.of(chargePoint)).values().stream()
                .allMatch(io.chargebase.domain.assets.AssetTypes.ChargePointStatus::shownToDrivers);
    }

    private Optional<?> find(GlobalId id) {
        return switch (id.type()) {
            case Types.TENANT -> tenants.get(new TenantId(id.id()));
            case Types.ORGANISATION_UNIT -> units.find(id.id());
            case Types.PROFILE -> profiles.find(id.id());
            case Types.USER -> users.find(id.id());
            case Types.TOKEN -> tokens.find(id.id());
            case Types.LOCATION -> locations.find(id.id());
            case Types.CHARGE_POINT -> chargePoints.find(id.id());
            case Types.EVSE -> chargePoints.findEvse(id.id());
            case Types.CONNECTOR -> chargePoints.findConnector(id.id());
            case Types.CHARGE_POINT_TEMPLATE -> templates.find(id.id());
            case Types.CHARGING_ZONE -> chargePoints.findZone(id.id());
            case Types.LOCATION_GROUP -> locationGroups.find(id.id());
            case Types.BUSINESS_PARTNER_GROUP -> groups.findBusinessPartnerGroup(id.id())
                    .map(io.chargebase.api.graphql.organisation.GroupController.BusinessPartnerGroup::new);
            case Types.USER_GROUP -> groups.findUserGroup(id.id()).map(io.chargebase.api.graphql.organisation.GroupController.UserGroup::new);
            case Types.TARIFF -> tariffs.find(id.id()).map(io.chargebase.api.graphql.tariffs.TariffController.Tariff::new);
            case Types.TARIFF_GROUP -> tariffGroups.find(id.id());
            case Types.TARIFF_PLAN -> tariffPlans.find(id.id());
            case Types.CPO_CDR -> cdrs.findCpoCdr(id.id());
            case Types.MSP_CDR -> cdrs.findMspCdr(id.id());
            case Types.CHARGER_COMMAND -> commands.find(id.id());
            case Types.CHARGING_SESSION -> chargingSessions.find(id.id());
            case Types.PENDING_CHARGE_POINT -> pendingChargePoints.find(id.id());
            case Types.AUTHORIZATION -> activity.authorization(id.id());
            case Types.RESERVATION -> reservations.find(id.id());
            default -> Optional.empty();
        };
    }
}
