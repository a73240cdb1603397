package io.chargebase.api.graphql;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * The one table of who may call which operation. Every root field of the schema must appear here: a field that
 * is missing is refused to everyone, and {@code OperationPolicyTest} fails the build until it is classified.
 */
public final class OperationPolicy {

    private static final Map<String, Access> POLICY = Map.ofEntries(
            entry("Query.node", Access.SIGNED_IN),
            entry("Query.nodes", Access.SIGNED_IN),
            entry("Query.currentTenant", Access.SIGNED_IN),
            entry("Query.tenants", Access.PLATFORM_ADMIN),
            entry("Mutation.createTenant", Access.PLATFORM_ADMIN),
            entry("Mutation.suspendTenant", Access.PLATFORM_ADMIN),
            entry("Mutation.reactivateTenant", Access.PLATFORM_ADMIN),
            entry("Query.organisationTree", Access.TENANT_ADMIN),
            entry("Query.organisationUnits", Access.TENANT_ADMIN),
            entry("Query.profiles", Access.TENANT_ADMIN),
            entry("Mutation.createOrganisationUnit", Access.TENANT_ADMIN),
            entry("Mutation.renameOrganisationUnit", Access.TENANT_ADMIN),
            entry("Mutation.moveOrganisationUnit", Access.TENANT_ADMIN),
            entry("Mutation.deleteOrganisationUnit", Access.TENANT_ADMIN),
            entry("Mutation.createProfile", Access.TENANT_ADMIN),
            entry("Mutation.updateProfile", Access.TENANT_ADMIN),
            entry("Mutation.deactivateProfile", Access.TENANT_ADMIN),
            entry("Mutation.reactivateProfile", Access.TENANT_ADMIN));

    private OperationPolicy() {
    }

    /** The access rule of a root field such as {@code Mutation.createProfile}; empty when none was written. */
    public static Optional<Access> of(String coordinate) {
        return Optional.ofNullable(POLICY.get(coordinate));
    }

    public static Map<String, Access> all() {
        return POLICY;
    }
}
