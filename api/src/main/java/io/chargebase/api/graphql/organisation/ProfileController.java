package io.chargebase.api.graphql.organisation;

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

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.organisation.NewProfile;
import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.Page;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.ProfileChanges;
import io.chargebase.domain.organisation.ProfileQuery;
import io.chargebase.domain.organisation.ProfileStatus;
import io.chargebase.domain.organisation.Profiles;

@Controller
class ProfileController {

    private final Profiles profiles;
    private final OrganisationUnits units;
    private final io.chargebase.domain.organisation.ProfileImport profileImport;

    ProfileController(Profiles profiles, OrganisationUnits units, io.chargebase.domain.organisation.ProfileImport profileImport) {
        this.profiles = profiles;
        this.units = units;
        this.profileImport = profileImport;
    }

    record ImportProfilesInput(String csv, Boolean allOrNothing) {
    }

    record ImportProfilesPayload(int imported, List<io.chargebase.domain.csv.RowError> rowErrors, List<UserError> userErrors) {
    }

    @MutationMapping
    ImportProfilesPayload importProfiles(@Argument ImportProfilesInput input) {
        return UserError.attempt(() -> {
            var result = profileImport.run(io.chargebase.domain.csv.CsvTable.parse(input.csv() == null ? "" : input.csv(), io.chargebase.domain.organisation.ProfileImport.MAX_ROWS),
                    input.allOrNothing() == null || input.allOrNothing());
            return new ImportProfilesPayload(result.imported(), result.errors(), List.of());
        }, errors -> new ImportProfilesPayload(0, List.of(), errors));
    }

    record ProfileFilter(String organisationUnitId, String text, ProfileStatus status) {
    }

    record CreateProfileInput(String organisationUnitId, String name, String email, String phone, String externalReference) {
    }

    record UpdateProfileInput(String profileId, String organisationUnitId, String name, String email, String phone,
            String externalReference) {
    }

    record ProfileIdInput(String profileId) {
    }

    record ProfilePayload(Profile profile, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.PROFILE, field = "id")
    @PlainField
    String id(Profile profile) {
        return GlobalId.encode(Types.PROFILE, profile.id());
    }

    @BatchMapping(typeName = Types.PROFILE)
    Map<Profile, OrganisationUnit> organisationUnit(List<Profile> members) {
        Map<UUID, OrganisationUnit> found = units.findAll(members.stream().map(Profile::organisationUnitId).distinct().toList());
        Map<Profile, OrganisationUnit> result = new LinkedHashMap<>();
        members.forEach(profile -> result.put(profile, found.get(profile.organisationUnitId())));
        return result;
    }

    @QueryMapping
    Connection<Profile> profiles(@Argument Integer first, @Argument String after, @Argument ProfileFilter filter) {
        int size = Connection.pageSize(first);
        ProfileFilter criteria = filter == null ? new ProfileFilter(null, null, null) : filter;
        UUID subtree = GlobalId.optional(Types.ORGANISATION_UNIT, criteria.organisationUnitId(), "organisationUnitId");
        Page<Profile> page = profiles.search(new ProfileQuery(subtree, criteria.text(), criteria.status(), cursor(after), size));
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(),
                profile -> profile.id() + ":" + profile.name());
    }

    @MutationMapping
    ProfilePayload createProfile(@Argument CreateProfileInput input) {
        return UserError.attempt(() -> done(profiles.create(new NewProfile(
                        GlobalId.require(Types.ORGANISATION_UNIT, input.organisationUnitId(), "organisationUnitId"),
                        input.name(), input.email(), input.phone(), input.externalReference()))),
                ProfileController::refused);
    }

    @MutationMapping
    ProfilePayload updateProfile(@Argument UpdateProfileInput input) {
        return UserError.attempt(() -> done(profiles.update(profileId(input.profileId()), new ProfileChanges(
                        GlobalId.optional(Types.ORGANISATION_UNIT, input.organisationUnitId(), "organisationUnitId"),
                        input.name(), input.email(), input.phone(), input.externalReference()))),
                ProfileController::refused);
    }

    @MutationMapping
    ProfilePayload deactivateProfile(@Argument ProfileIdInput input) {
        return UserError.attempt(() -> done(profiles.deactivate(profileId(input.profileId()))), ProfileController::refused);
    }

    @MutationMapping
    ProfilePayload reactivateProfile(@Argument ProfileIdInput input) {
        return UserError.attempt(() -> done(profiles.reactivate(profileId(input.profileId()))), ProfileController::refused);
    }

    private static ProfileQuery.ProfileCursor cursor(String after) {
        if (after == null) {
            return null;
        }
        String raw = Connection.decodeCursor(after);
        int colon = raw.indexOf(':');
        try {
            return new ProfileQuery.ProfileCursor(raw.substring(colon + 1), UUID.fromString(raw.substring(0, colon)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            throw new BadRequestException("'after' is not a cursor this API returned.");
        }
    }

    private static UUID profileId(String globalId) {
        return GlobalId.require(Types.PROFILE, globalId, "profileId");
    }

    private static ProfilePayload done(Profile profile) {
        return new ProfilePayload(profile, List.of());
    }

    private static ProfilePayload refused(List<UserError> errors) {
        return new ProfilePayload(null, errors);
    }
}
