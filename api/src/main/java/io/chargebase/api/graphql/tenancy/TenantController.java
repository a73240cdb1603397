package io.chargebase.api.graphql.tenancy;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.EndpointTenant;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.http.PlatformHosts;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.security.KnownTenants;
import io.chargebase.tenancy.NewTenant;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRejection;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

@Controller
class TenantController {

    private final Tenants tenants;
    private final KnownTenants knownTenants;
    private final PlatformHosts platformHosts;

    TenantController(Tenants tenants, KnownTenants knownTenants, PlatformHosts platformHosts) {
        this.tenants = tenants;
        this.knownTenants = knownTenants;
        this.platformHosts = platformHosts;
    }

    record CreateTenantInput(String slug, String name, String currency, String timeZone) {
    }

    record SuspendTenantInput(String tenantId, String reason) {
    }

    record ReactivateTenantInput(String tenantId) {
    }

    record TenantPayload(Tenant tenant, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.TENANT, field = "id")
    @PlainField
    String id(Tenant tenant) {
        return GlobalId.encode(Types.TENANT, tenant.id().value());
    }

    @QueryMapping
    Tenant currentTenant() {
        return TenantContext.current() instanceof TenantScope.OfTenant(TenantId id, var narrowing) ? tenants.get(id).orElse(null) : null;
    }

    @QueryMapping
    Connection<Tenant> tenants(@Argument Integer first, @Argument String after) {
        return Connection.keyed(first, after, tenants::list, Tenant::slug);
    }

    @MutationMapping
    TenantPayload createTenant(@Argument CreateTenantInput input) {
        return UserError.attempt(
                () -> new TenantPayload(tenants.create(new NewTenant(input.slug(), input.name(), input.currency(), input.timeZone())), List.of()),
                errors -> new TenantPayload(null, errors));
    }

    @MutationMapping
    TenantPayload suspendTenant(@Argument SuspendTenantInput input) {
        knownTenants.changing();
        return UserError.attempt(
                () -> new TenantPayload(tenants.suspend(tenantId(input.tenantId()), input.reason()), List.of()),
                errors -> new TenantPayload(null, errors));
    }

    record TenantDomainInput(String tenantId, String host) {
    }

    @BatchMapping(typeName = Types.TENANT)
    java.util.Map<Tenant, List<String>> domains(List<Tenant> found) {
        java.util.Map<TenantId, List<String>> byId = tenants.domainsOf(found.stream().map(Tenant::id).toList());
        java.util.Map<Tenant, List<String>> result = new java.util.LinkedHashMap<>();
        found.forEach(tenant -> result.put(tenant, byId.getOrDefault(tenant.id(), List.of())));
        return result;
    }

    @MutationMapping
    TenantPayload addTenantDomain(@Argument TenantDomainInput input,
            @ContextValue(name = EndpointTenant.REQUEST_HOST, required = false) String requestHost) {
        return UserError.attempt(() -> {
            TenantId id = tenantId(input.tenantId());
            // the configured hosts, and the one this platform admin reached the platform on
            if (input.host() != null && (platformHosts.contains(input.host()) || new PlatformHosts(
                    requestHost == null ? List.of() : List.of(requestHost)).contains(input.host()))) {
                throw new TenantRejection(TenantRejection.Reason.INVALID, "host",
                        "'" + input.host().strip() + "' is the platform's own host; a tenant needs a host of its own.");
            }
            tenants.addDomain(id, input.host());
            return new TenantPayload(tenants.get(id).orElseThrow(), List.of());
        }, errors -> new TenantPayload(null, errors));
    }

    @MutationMapping
    TenantPayload removeTenantDomain(@Argument TenantDomainInput input) {
        return UserError.attempt(() -> {
            TenantId id = tenantId(input.tenantId());
            tenants.removeDomain(id, input.host());
            return new TenantPayload(tenants.get(id).orElseThrow(), List.of());
        }, errors -> new TenantPayload(null, errors));
    }

    @MutationMapping
    TenantPayload reactivateTenant(@Argument ReactivateTenantInput input) {
        knownTenants.changing();
        return UserError.attempt(
                () -> new TenantPayload(tenants.reactivate(tenantId(input.tenantId())), List.of()),
                errors -> new TenantPayload(null, errors));
    }

    private static TenantId tenantId(String globalId) {
        return new TenantId(GlobalId.require(Types.TENANT, globalId, "tenantId"));
    }
}
