package io.chargebase.tenancy;

/** A request to create a tenant, as given by the platform operator; {@link Tenants#create} validates it. */
public record NewTenant(String slug, String name, String currency, String timeZone) {
}
