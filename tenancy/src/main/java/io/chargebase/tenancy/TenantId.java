package io.chargebase.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The identity of a tenant (an e-Mobility Service Provider). */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
