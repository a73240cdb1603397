package io.chargebase.api.graphql;

import java.util.EnumSet;
import java.util.Set;

import io.chargebase.api.security.Role;

/** Who may call a root field. */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC(EnumSet.allOf(Role.class), true),
    /** Anyone signed in; row-level security decides what they see. */
    SIGNED_IN(EnumSet.allOf(Role.class), false),
    /** Administrators of the tenant the token is for. */
    TENANT_ADMIN(EnumSet.of(Role.TENANT_ADMIN), false),
    /** Platform operators. */
    PLATFORM_ADMIN(EnumSet.of(Role.PLATFORM_ADMIN), false);

    private final Set<Role> roles;
    private final boolean anonymous;

    Access(Set<Role> roles, boolean anonymous) {
        this.roles = roles;
        this.anonymous = anonymous;
    }

    public boolean allowsAnonymous() {
        return anonymous;
    }

    public boolean allows(Set<Role> callerRoles) {
        return anonymous || callerRoles.stream().anyMatch(roles::contains);
    }
}
