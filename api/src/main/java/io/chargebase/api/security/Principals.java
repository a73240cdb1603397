package io.chargebase.api.security;

import java.util.Optional;
import java.util.UUID;

import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * The names of signed-in people inside the authorization server's session and stored authorizations:
 * {@code t:<tenant>:<user>} for a tenant user, {@code p:<user>} for platform staff. The name says which issuer the
 * person signed in at, so a session of one tenant is never taken for another's.
 */
public final class Principals {

    private Principals() {
    }

    public record Person(TenantScope issuer, UUID userId) {
    }

    public static String tenantUser(TenantId tenant, UUID user) {
        return "t:" + tenant + ":" + user;
    }

    public static String platformUser(UUID user) {
        return "p:" + user;
    }

    public static Optional<Person> parse(String name) {
        try {
            if (name != null && name.startsWith("t:")) {
                String[] parts = name.split(":");
                if (parts.length == 3) {
                    return Optional.of(new Person(TenantScope.of(TenantId.of(parts[1])), UUID.fromString(parts[2])));
                }
            }
            if (name != null && name.startsWith("p:")) {
                return Optional.of(new Person(TenantScope.PLATFORM, UUID.fromString(name.substring(2))));
            }
        } catch (IllegalArgumentException malformed) {
            // not one of ours
        }
        return Optional.empty();
    }
}
