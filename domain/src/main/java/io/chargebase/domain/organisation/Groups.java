package io.chargebase.domain.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.organisation.internal.GroupRows;

/**
 * Business-partner groups (sets of organisation units, inherited by sub-units) and user groups (sets of profiles):
 * the "who" that tariff rules price.
 */
@Service
@Transactional
public class Groups {

    private final GroupRows rows;
    private final OrganisationUnits units;
    private final Profiles profiles;

    Groups(GroupRows rows, OrganisationUnits units, Profiles profiles) {
        this.rows = rows;
        this.units = units;
        this.profiles = profiles;
    }

    public Group createBusinessPartnerGroup(String name, List<UUID> unitIds) {
        List<UUID> members = distinct(unitIds);
        Map<UUID, OrganisationUnit> found = units.findAll(members);
        members.stream().filter(id -> !found.containsKey(id)).findFirst()
                .ifPresent(id -> { throw DomainException.notFound("organisationUnitIds", "organisation unit", id); });
        return unique(() -> rows.insert(GroupRows.Kind.BUSINESS_PARTNER, UUID.randomUUID(), Text.required("name", name, 100), members));
    }

    public Group createUserGroup(String name, List<UUID> profileIds) {
        List<UUID> members = validProfiles(profileIds);
        return unique(() -> rows.insert(GroupRows.Kind.USER, UUID.randomUUID(), Text.required("name", name, 100), members));
    }

    /** Replaces the members of a user group. */
    public Group setUserGroupMembers(UUID groupId, List<UUID> profileIds) {
        rows.find(GroupRows.Kind.USER, groupId).orElseThrow(() -> DomainException.notFound("userGroupId", "user group", groupId));
        return rows.replaceMembers(GroupRows.Kind.USER, groupId, validProfiles(profileIds));
    }

    public UUID delete(GroupRows.Kind kind, UUID id) {
        String field = kind == GroupRows.Kind.USER ? "userGroupId" : "businessPartnerGroupId";
        rows.find(kind, id).orElseThrow(() -> DomainException.notFound(field, "group", id));
        rows.delete(kind, id);
        return id;
    }

    public UUID deleteBusinessPartnerGroup(UUID id) {
        return delete(GroupRows.Kind.BUSINESS_PARTNER, id);
    }

    public UUID deleteUserGroup(UUID id) {
        return delete(GroupRows.Kind.USER, id);
    }

    @Transactional(readOnly = true)
    public List<Group> businessPartnerGroups() {
        return rows.list(GroupRows.Kind.BUSINESS_PARTNER);
    }

    @Transactional(readOnly = true)
    public List<Group> userGroups() {
        return rows.list(GroupRows.Kind.USER);
    }

    @Transactional(readOnly = true)
    public Optional<Group> findBusinessPartnerGroup(UUID id) {
        return rows.find(GroupRows.Kind.BUSINESS_PARTNER, id);
    }

    @Transactional(readOnly = true)
    public Optional<Group> findUserGroup(UUID id) {
        return rows.find(GroupRows.Kind.USER, id);
    }

    /** The business-partner groups each profile belongs to through its unit or any unit above it. */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> businessPartnerGroupsOf(Collection<UUID> profileIds) {
        return rows.businessPartnerGroupsOf(profileIds);
    }

    /** How many profiles each business-partner group covers, sub-units included. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> businessPartnerProfileCounts(Collection<UUID> groupIds) {
        return rows.businessPartnerProfileCounts(groupIds);
    }

    private List<UUID> validProfiles(List<UUID> profileIds) {
        List<UUID> members = distinct(profileIds);
        Map<UUID, Profile> found = profiles.findAll(members);
        members.stream().filter(id -> !found.containsKey(id)).findFirst()
                .ifPresent(id -> { throw DomainException.notFound("profileIds", "profile", id); });
        return members;
    }

    private static List<UUID> distinct(List<UUID> ids) {
        List<UUID> distinct = ids == null ? List.of() : ids.stream().distinct().toList();
        if (distinct.size() > 1000) {
            throw new DomainException(ErrorCode.INVALID, null, "A group is set with at most 1000 members at a time.");
        }
        return distinct;
    }

    private static Group unique(java.util.function.Supplier<Group> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another group already has this name.");
        }
    }
}
