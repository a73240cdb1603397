package io.chargebase.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * Whom a unit of work acts for. The database sees exactly this: a tenant id (possibly narrowed to an
 * organisation-unit subtree or to one profile), the platform flag, or neither, in which case every tenant-owned
 * table reads as empty.
 */
public sealed interface TenantScope {

    /** Acting for one tenant: only its rows are visible, and of those only what the narrowing leaves. */
    record OfTenant(TenantId tenantId, Narrowing narrowing) implements TenantScope {

        public OfTenant {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(narrowing, "narrowing");
        }

        /** The same tenant, without narrowing: what the tenant's own machinery (keys, clients) runs as. */
        public OfTenant whole() {
            return narrowing instanceof Narrowing.Whole ? this : new OfTenant(tenantId, Narrowing.WHOLE);
        }
    }

    /** Acting for the platform operator: the tenants table and platform-owned rows, never a tenant's data. */
    record Platform() implements TenantScope {
    }

    /** Acting for nobody: anonymous requests and start-up code. */
    record Nobody() implements TenantScope {
    }

    TenantScope PLATFORM = new Platform();
    TenantScope NOBODY = new Nobody();

    static OfTenant of(TenantId tenantId) {
        return new OfTenant(tenantId, Narrowing.WHOLE);
    }

    /** Acting for an OU admin: the units at and below {@code organisationUnitId}, and the profiles in them. */
    static OfTenant ofSubtree(TenantId tenantId, UUID organisationUnitId) {
        return new OfTenant(tenantId, new Narrowing.Subtree(organisationUnitId));
    }

    /** Acting for a driver: their own profile and nothing else of the tenant's people. */
    static OfTenant ofProfile(TenantId tenantId, UUID profileId) {
        return new OfTenant(tenantId, new Narrowing.OwnProfile(profileId));
    }

    /** How far below the whole tenant a scope reaches. Enforced by row-level-security policies, not by code. */
    sealed interface Narrowing {

        Narrowing WHOLE = new Whole();

        record Whole() implements Narrowing {
        }

        record Subtree(UUID organisationUnitId) implements Narrowing {
            public Subtree {
                Objects.requireNonNull(organisationUnitId, "organisationUnitId");
            }
        }

        record OwnProfile(UUID profileId) implements Narrowing {
            public OwnProfile {
                Objects.requireNonNull(profileId, "profileId");
            }
        }
    }
}
