package io.chargebase.api.graphql.scope;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.chargebase.api.security.Role;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Whether the caller is narrowed below the tenant, and how: a driver or an OU admin. Either signal suffices, the role
 * in the token or the narrowing of the database scope, so that a token that somehow lacks one still gets the narrower view.
 */
public final class Audience {

    private Audience() {
    }

    /** The narrowed role of the caller on this thread; empty for everyone who sees the whole tenant (or the platform). */
    public static Optional<Role> current() {
        return of(SecurityContextHolder.getContext().getAuthentication(), TenantContext.narrowing());
    }

    static Optional<Role> of(Authentication authentication, TenantScope.Narrowing narrowing) {
        if (narrowing instanceof TenantScope.Narrowing.OwnProfile || holds(authentication, Role.DRIVER)) {
            return Optional.of(Role.DRIVER);
        }
        if (narrowing instanceof TenantScope.Narrowing.Subtree || holds(authentication, Role.OU_ADMIN)) {
            return Optional.of(Role.OU_ADMIN);
        }
        return Optional.empty();
    }

    private static boolean holds(Authentication authentication, Role role) {
        if (authentication == null) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (role.authority().equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
