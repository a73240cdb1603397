package io.chargebase.api.graphql.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import io.chargebase.domain.organisation.Group;
import io.chargebase.domain.organisation.Groups;
import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;

/** Business-partner groups and user groups. Their GraphQL types are told apart by these two wrapper records. */
@Controller
public class GroupController {

    public record BusinessPartnerGroup(Group group) {
    }

    public record UserGroup(Group group) {
    }

    record CreateBusinessPartnerGroupInput(String name, List<String> organisationUnitIds) {
    }

    record BusinessPartnerGroupPayload(BusinessPartnerGroup businessPartnerGroup, List<UserError> userErrors) {
    }

    record DeleteBusinessPartnerGroupInput(String businessPartnerGroupId) {
    }

    record DeleteBusinessPartnerGroupPayload(String deletedBusinessPartnerGroupId, List<UserError> userErrors) {
    }

    record CreateUserGroupInput(String name, List<String> profileIds) {
    }

    record SetUserGroupMembersInput(String userGroupId, List<String> profileIds) {
    }

    record UserGroupPayload(UserGroup userGroup, List<UserError> userErrors) {
    }

    record DeleteUserGroupInput(String userGroupId) {
    }

    record DeleteUserGroupPayload(String deletedUserGroupId, List<UserError> userErrors) {
    }

    private final Groups groups;
    private final OrganisationUnits units;
    private final Profiles profiles;

    GroupController(Groups groups, OrganisationUnits units, Profiles profiles) {
        this.groups = groups;
        this.units = units;
        this.profiles = profiles;
    }

    @SchemaMapping(typeName = Types.BUSINESS_PARTNER_GROUP, field = "id")
    @PlainField
    String businessPartnerGroupId(BusinessPartnerGroup group) {
        return GlobalId.encode(Types.BUSINESS_PARTNER_GROUP, group.group().id());
    }

    @SchemaMapping(typeName = Types.BUSINESS_PARTNER_GROUP, field = "name")
    @PlainField
    String businessPartnerGroupName(BusinessPartnerGroup group) {
        return group.group().name();
    }

    @BatchMapping(typeName = Types.BUSINESS_PARTNER_GROUP)
    Map<BusinessPartnerGroup, List<OrganisationUnit>> organisationUnits(List<BusinessPartnerGroup> found) {
        Map<UUID, OrganisationUnit> byId = units.findAll(found.stream().flatMap(group -> group.group().memberIds().stream()).distinct().toList());
        return members(found, BusinessPartnerGroup::group, byId);
    }

    @BatchMapping(typeName = Types.BUSINESS_PARTNER_GROUP)
    Map<BusinessPartnerGroup, Integer> profileCount(List<BusinessPartnerGroup> found) {
        Map<UUID, Long> counts = groups.businessPartnerProfileCounts(found.stream().map(group -> group.group().id()).toList());
        Map<BusinessPartnerGroup, Integer> result = new LinkedHashMap<>();
        found.forEach(group -> result.put(group, counts.getOrDefault(group.group().id(), 0L).intValue()));
        return result;
    }

    @SchemaMapping(typeName = Types.USER_GROUP, field = "id")
    @PlainField
    String userGroupId(UserGroup group) {
        return GlobalId.encode(Types.USER_GROUP, group.group().id());
    }

    @SchemaMapping(typeName = Types.USER_GROUP, field = "name")
    @PlainField
    String userGroupName(UserGroup group) {
        return group.group().name();
    }

    @BatchMapping(typeName = Types.USER_GROUP)
    Map<UserGroup, List<Profile>> members(List<UserGroup> found) {
        Map<UUID, Profile> byId = profiles.findAll(found.stream().flatMap(group -> group.group().memberIds().stream()).distinct().toList());
        return members(found, UserGroup::group, byId);
    }

    @BatchMapping(typeName = Types.USER_GROUP)
    Map<UserGroup, Integer> memberCount(List<UserGroup> found) {
        Map<UserGroup, List<Profile>> visible = members(found);
        Map<UserGroup, Integer> result = new LinkedHashMap<>();
        visible.forEach((group, members) -> result.put(group, members.size()));
        return result;
    }

    @BatchMapping(typeName = Types.PROFILE)
    Map<Profile, List<BusinessPartnerGroup>> businessPartnerGroups(List<Profile> found) {
        Map<UUID, List<UUID>> membership = groups.businessPartnerGroupsOf(found.stream().map(Profile::id).toList());
        Map<UUID, Group> all = groups.businessPartnerGroups().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<Profile, List<BusinessPartnerGroup>> result = new LinkedHashMap<>();
        found.forEach(profile -> result.put(profile, membership.getOrDefault(profile.id(), List.of()).stream()
                .map(all::get).filter(java.util.Objects::nonNull).map(BusinessPartnerGroup::new).toList()));
        return result;
    }

    @QueryMapping
    List<BusinessPartnerGroup> businessPartnerGroups() {
        return groups.businessPartnerGroups().stream().map(BusinessPartnerGroup::new).toList();
    }

    @QueryMapping
    List<UserGroup> userGroups() {
        return groups.userGroups().stream().map(UserGroup::new).toList();
    }

    @MutationMapping
    BusinessPartnerGroupPayload createBusinessPartnerGroup(@Argument CreateBusinessPartnerGroupInput input) {
        return UserError.attempt(() -> new BusinessPartnerGroupPayload(new BusinessPartnerGroup(groups.createBusinessPartnerGroup(
                        input.name(), ids(Types.ORGANISATION_UNIT, input.organisationUnitIds(), "organisationUnitIds"))), List.of()),
                errors -> new BusinessPartnerGroupPayload(null, errors));
    }

    @MutationMapping
    DeleteBusinessPartnerGroupPayload deleteBusinessPartnerGroup(@Argument DeleteBusinessPartnerGroupInput input) {
        return UserError.attempt(() -> new DeleteBusinessPartnerGroupPayload(GlobalId.encode(Types.BUSINESS_PARTNER_GROUP,
                        groups.deleteBusinessPartnerGroup(GlobalId.require(Types.BUSINESS_PARTNER_GROUP, input.businessPartnerGroupId(),
                                "businessPartnerGroupId"))), List.of()),
                errors -> new DeleteBusinessPartnerGroupPayload(null, errors));
    }

    @MutationMapping
    UserGroupPayload createUserGroup(@Argument CreateUserGroupInput input) {
        return UserError.attempt(() -> new UserGroupPayload(new UserGroup(groups.createUserGroup(input.name(),
                        ids(Types.PROFILE, input.profileIds(), "profileIds"))), List.of()),
                errors -> new UserGroupPayload(null, errors));
    }

    @MutationMapping
    UserGroupPayload setUserGroupMembers(@Argument SetUserGroupMembersInput input) {
        return UserError.attempt(() -> new UserGroupPayload(new UserGroup(groups.setUserGroupMembers(
                        GlobalId.require(Types.USER_GROUP, input.userGroupId(), "userGroupId"),
                        ids(Types.PROFILE, input.profileIds(), "profileIds"))), List.of()),
                errors -> new UserGroupPayload(null, errors));
    }

    @MutationMapping
    DeleteUserGroupPayload deleteUserGroup(@Argument DeleteUserGroupInput input) {
        return UserError.attempt(() -> new DeleteUserGroupPayload(GlobalId.encode(Types.USER_GROUP,
                        groups.deleteUserGroup(GlobalId.require(Types.USER_GROUP, input.userGroupId(), "userGroupId"))), List.of()),
                errors -> new DeleteUserGroupPayload(null, errors));
    }

    private static <G, M> Map<G, List<M>> members(List<G> found, Function<G, Group> group, Map<UUID, M> byId) {
        Map<G, List<M>> result = new LinkedHashMap<>();
        found.forEach(item -> result.put(item, group.apply(item).memberIds().stream().map(byId::get)
                .filter(java.util.Objects::nonNull).toList()));
        return result;
    }

    private static List<UUID> ids(String type, List<String> globalIds, String field) {
        return globalIds == null ? List.of() : globalIds.stream().map(id -> GlobalId.require(type, id, field)).toList();
    }
}
