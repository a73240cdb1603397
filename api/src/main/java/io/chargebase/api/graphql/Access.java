package io.chargebase.api.graphql;

import java.util.EnumSet;
import java.util.Set;

import io.chargebase.api.security.Role;

/** Who may call a root field: anyone, or signed-in callers holding one of the roles. */
public record Access(boolean anonymous, Set<Role> roles) {

    public static Access anyone() {
        return new Access(true, EnumSet.allOf(Role.class));
    }

    public static Access signedIn() {
        return new Access(false, EnumSet.allOf(Role.class));
    }

    public static Access roles(Role first, Role... rest) {
        return new Access(false, EnumSet.of(first, rest));
    }

    public boolean allowsAnonymous() {
        return anonymous;
    }

    public boolean allows(Set<Role> callerRoles) {
        return anonymous || callerRoles.stream().anyMatch(roles::contains);
    }
}
