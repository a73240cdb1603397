package io.chargebase.api.graphql.organisation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OrganisationUnits;

@Controller
class OrganisationUnitController {

    private final OrganisationUnits units;

    OrganisationUnitController(OrganisationUnits units) {
        this.units = units;
    }

    record CreateOrganisationUnitInput(String parentId, String name) {
    }

    record RenameOrganisationUnitInput(String organisationUnitId, String name) {
    }

    record MoveOrganisationUnitInput(String organisationUnitId, String newParentId) {
    }

    record DeleteOrganisationUnitInput(String organisationUnitId) {
    }

    record OrganisationUnitPayload(OrganisationUnit organisationUnit, List<UserError> userErrors) {
    }

    record DeleteOrganisationUnitPayload(String deletedOrganisationUnitId, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.ORGANISATION_UNIT, field = "id")
    @PlainField
    String id(OrganisationUnit unit) {
        return GlobalId.encode(Types.ORGANISATION_UNIT, unit.id());
    }

    @QueryMapping
    OrganisationUnit organisationTree() {
        return units.root();
    }

    @QueryMapping
    List<OrganisationUnit> organisationUnits(@Argument String under) {
        return units.subtree(GlobalId.optional(Types.ORGANISATION_UNIT, under, "under"));
    }

    @BatchMapping(typeName = Types.ORGANISATION_UNIT)
    Map<OrganisationUnit, List<OrganisationUnit>> children(List<OrganisationUnit> parents) {
        Map<UUID, List<OrganisationUnit>> byParent = units.childrenOf(parents.stream().map(OrganisationUnit::id).toList());
        Map<OrganisationUnit, List<OrganisationUnit>> result = new LinkedHashMap<>();
        parents.forEach(parent -> result.put(parent, byParent.getOrDefault(parent.id(), List.of())));
        return result;
    }

    @BatchMapping(typeName = Types.ORGANISATION_UNIT)
    Map<OrganisationUnit, OrganisationUnit> parent(List<OrganisationUnit> children) {
        Map<UUID, OrganisationUnit> parents = units.findAll(children.stream()
                .filter(unit -> !unit.isRoot()).map(OrganisationUnit::parentId).distinct().toList());
        Map<OrganisationUnit, OrganisationUnit> result = new LinkedHashMap<>();
        children.forEach(child -> {
            if (!child.isRoot()) {
                result.put(child, parents.get(child.parentId()));
            }
        });
        return result;
    }

    @BatchMapping(typeName = Types.ORGANISATION_UNIT)
    Map<OrganisationUnit, List<OrganisationUnit>> ancestry(List<OrganisationUnit> descendants) {
        Set<UUID> ids = new HashSet<>();
        descendants.forEach(unit -> ids.addAll(unit.path().ids()));
        Map<UUID, OrganisationUnit> known = units.findAll(ids);
        Map<OrganisationUnit, List<OrganisationUnit>> result = new LinkedHashMap<>();
        // an OU admin sees only the part of the ancestry inside their subtree
        descendants.forEach(unit -> result.put(unit, unit.path().ids().stream().map(known::get).filter(java.util.Objects::nonNull).toList()));
        return result;
    }

    @MutationMapping
    OrganisationUnitPayload createOrganisationUnit(@Argument CreateOrganisationUnitInput input) {
        return UserError.attempt(
                () -> done(units.create(GlobalId.require(Types.ORGANISATION_UNIT, input.parentId(), "parentId"), input.name())),
                OrganisationUnitController::refused);
    }

    @MutationMapping
    OrganisationUnitPayload renameOrganisationUnit(@Argument RenameOrganisationUnitInput input) {
        return UserError.attempt(
                () -> done(units.rename(unitId(input.organisationUnitId()), input.name())),
                OrganisationUnitController::refused);
    }

    @MutationMapping
    OrganisationUnitPayload moveOrganisationUnit(@Argument MoveOrganisationUnitInput input) {
        return UserError.attempt(
                () -> done(units.move(unitId(input.organisationUnitId()),
                        GlobalId.require(Types.ORGANISATION_UNIT, input.newParentId(), "newParentId"))),
                OrganisationUnitController::refused);
    }

    @MutationMapping
    DeleteOrganisationUnitPayload deleteOrganisationUnit(@Argument DeleteOrganisationUnitInput input) {
        return UserError.attempt(
                () -> new DeleteOrganisationUnitPayload(
                        GlobalId.encode(Types.ORGANISATION_UNIT, units.delete(unitId(input.organisationUnitId()))), List.of()),
                errors -> new DeleteOrganisationUnitPayload(null, errors));
    }

    private static UUID unitId(String globalId) {
        return GlobalId.require(Types.ORGANISATION_UNIT, globalId, "organisationUnitId");
    }

    private static OrganisationUnitPayload done(OrganisationUnit unit) {
        return new OrganisationUnitPayload(unit, List.of());
    }

    private static OrganisationUnitPayload refused(List<UserError> errors) {
        return new OrganisationUnitPayload(null, errors);
    }
}
