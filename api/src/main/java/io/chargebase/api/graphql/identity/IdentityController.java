package io.chargebase.api.graphql.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.security.Claims;
import io.chargebase.api.security.Role;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.identity.Accounts;
import io.chargebase.domain.identity.NewUser;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.identity.UserStatus;
import io.chargebase.domain.identity.Users;
import io.chargebase.domain.organisation.OrganisationUnit;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.ProfileChanges;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

@Controller
class IdentityController {

    private final Users users;
    private final Profiles profiles;
    private final OrganisationUnits units;
    private final Tenants tenants;
    private final Accounts accounts;

    IdentityController(Users users, Profiles profiles, OrganisationUnits units, Tenants tenants, Accounts accounts) {
        this.users = users;
        this.profiles = profiles;
        this.units = units;
        this.tenants = tenants;
        this.accounts = accounts;
    }

    record Viewer(List<Role> roles, Tenant tenant, User user, Profile profile, OrganisationUnit organisationUnit, String clientId) {
    }

    record CreateUserInput(String email, String name, Role role, String organisationUnitId, String profileId, String password) {
    }

    record UserIdInput(String userId) {
    }

    record UserPayload(User user, List<UserError> userErrors) {
    }

    record UpdateMyProfileInput(String name, String phone) {
    }

    record ProfilePayload(Profile profile, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.USER, field = "id")
    @PlainField
    String id(User user) {
        return GlobalId.encode(Types.USER, user.id());
    }

    @BatchMapping(typeName = Types.USER)
    Map<User, OrganisationUnit> organisationUnit(List<User> administrators) {
        Map<UUID, OrganisationUnit> found = units.findAll(administrators.stream()
                .map(User::organisationUnitId).filter(java.util.Objects::nonNull).distinct().toList());
        Map<User, OrganisationUnit> result = new LinkedHashMap<>();
        administrators.forEach(user -> result.put(user, user.organisationUnitId() == null ? null : found.get(user.organisationUnitId())));
        return result;
    }

    @BatchMapping(typeName = Types.USER)
    Map<User, Profile> profile(List<User> drivers) {
        Map<UUID, Profile> found = profiles.findAll(drivers.stream()
                .map(User::profileId).filter(java.util.Objects::nonNull).distinct().toList());
        Map<User, Profile> result = new LinkedHashMap<>();
        drivers.forEach(user -> result.put(user, user.profileId() == null ? null : found.get(user.profileId())));
        return result;
    }

    @QueryMapping
    Viewer me() {
        JwtAuthenticationToken token = (JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication();
        List<Role> roles = new ArrayList<>();
        List<String> claimed = token.getToken().getClaimAsStringList(Claims.ROLES);
        if (claimed != null) {
            claimed.forEach(name -> roles.add(Role.valueOf(name)));
        }
        Tenant tenant = TenantContext.current() instanceof TenantScope.OfTenant(TenantId id, var narrowing)
                ? tenants.get(id).orElse(null) : null;
        User user = null;
        if (tenant != null && token.getToken().getClaimAsString("email") != null) {
            user = users.find(UUID.fromString(token.getToken().getSubject())).orElse(null);
        }
        Profile profile = TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID id)
                ? profiles.find(id).orElse(null) : null;
        OrganisationUnit unit = TenantContext.narrowing() instanceof TenantScope.Narrowing.Subtree(UUID id)
                ? units.find(id).orElse(null) : null;
        String clientId = token.getToken().getClaimAsString("email") == null ? token.getToken().getSubject() : null;
        return new Viewer(roles, tenant, user, profile, unit, clientId);
    }

    @QueryMapping
    Connection<User> users(@Argument Integer first, @Argument String after) {
        return Connection.keyed(first, after, users::page, User::email);
    }

    @MutationMapping
    UserPayload createUser(@Argument CreateUserInput input) {
        return UserError.attempt(() -> new UserPayload(accounts.provision(new NewUser(input.email(), input.name(), userRole(input.role()),
                        GlobalId.optional(Types.ORGANISATION_UNIT, input.organisationUnitId(), "organisationUnitId"),
                        GlobalId.optional(Types.PROFILE, input.profileId(), "profileId"), input.password()),
                        tenants.get(TenantContext.requireTenant()).map(Tenant::name).orElse("Chargebase")), List.of()),
                errors -> new UserPayload(null, errors));
    }

    @MutationMapping
    UserPayload disableUser(@Argument UserIdInput input) {
        return setStatus(input, UserStatus.DISABLED);
    }

    @MutationMapping
    UserPayload enableUser(@Argument UserIdInput input) {
        return setStatus(input, UserStatus.ACTIVE);
    }

    @QueryMapping
    Profile myProfile() {
        return TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID id) ? profiles.find(id).orElse(null) : null;
    }

    @MutationMapping
    ProfilePayload updateMyProfile(@Argument UpdateMyProfileInput input) {
        return UserError.attempt(() -> {
            if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID id))) {
                throw new DomainException(ErrorCode.NOT_FOUND, null, "This sign-in has no profile.");
            }
            return new ProfilePayload(profiles.update(id, new ProfileChanges(null, input.name(), null, input.phone(), null)), List.of());
        }, errors -> new ProfilePayload(null, errors));
    }

    @MutationMapping
    UserPayload signOutEverywhere() {
        return UserError.attempt(() -> {
            JwtAuthenticationToken token = (JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication();
            if (token.getToken().getClaimAsString("email") == null || !(TenantContext.current() instanceof TenantScope.OfTenant)) {
                throw new DomainException(ErrorCode.INVALID, null, "Only a person signed in at a tenant signs out everywhere; a client's token is not a sign-in.");
            }
            UUID id = UUID.fromString(token.getToken().getSubject());
            users.signOutEverywhere(id);
            return new UserPayload(users.find(id).orElseThrow(), List.of());
        }, errors -> new UserPayload(null, errors));
    }

    @MutationMapping
    UserPayload signOutUserEverywhere(@Argument UserIdInput input) {
        return UserError.attempt(() -> {
            UUID id = GlobalId.require(Types.USER, input.userId(), "userId");
            users.signOutEverywhere(id);
            return new UserPayload(users.find(id).orElseThrow(), List.of());
        }, errors -> new UserPayload(null, errors));
    }

    private UserPayload setStatus(UserIdInput input, UserStatus status) {
        return UserError.attempt(() -> new UserPayload(users.setStatus(GlobalId.require(Types.USER, input.userId(), "userId"), status),
                List.of()), errors -> new UserPayload(null, errors));
    }

    private static UserRole userRole(Role role) {
        if (role == null || role == Role.PLATFORM_ADMIN) {
            throw new DomainException(ErrorCode.INVALID, "role", "A tenant user is a TENANT_ADMIN, OU_ADMIN, ANALYST or DRIVER.");
        }
        return UserRole.valueOf(role.name());
    }
}
