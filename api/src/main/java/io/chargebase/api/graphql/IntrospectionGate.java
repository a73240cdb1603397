package io.chargebase.api.graphql;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.chargebase.api.security.Role;

/**
 * Who may read the schema through {@code __schema} and {@code __type}: tenant staff, integrations and platform
 * administrators once signed in, everyone in local mode, and anonymous callers only when
 * {@code chargebase.graphql.introspection.anonymous} says so. A driver app needs no introspection: its documents are
 * fixed at build time (trusted documents). {@code __typename} is no introspection of the schema and is never refused.
 */
public final class IntrospectionGate {

    private static final Set<Role> STAFF = EnumSet.of(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.OU_ADMIN, Role.ANALYST);

    private final boolean localMode;
    private final boolean anonymous;

    public IntrospectionGate(boolean localMode, boolean anonymous) {
        this.localMode = localMode;
        this.anonymous = anonymous;
    }

    /** Whether the field is one of the meta-fields the operation policy does not classify. */
    static boolean isMetaField(String name) {
        return name.startsWith("__");
    }

    /** Whether a caller holding these roles, signed in or not, may run this root meta-field. */
    boolean allows(String field, Authentication authentication, Set<Role> roles) {
        if ("__typename".equals(field) || localMode || anonymous) {
            return true;
        }
        return authentication instanceof JwtAuthenticationToken && roles.stream().anyMatch(STAFF::contains);
    }

    String refusal(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken
                ? "Introspection is open to tenant staff, integrations and platform administrators, not to your role."
                : "Sign in to introspect the schema: introspection needs a bearer token of tenant staff, an integration or a platform administrator.";
    }
}
