package io.chargebase.api.graphql.tenancy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.security.SigningKeyPolicy;
import io.chargebase.api.security.SigningKeys;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRejection;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/** A platform admin replaces an issuer's signing key, routinely or because it leaked. */
@Controller
class SigningKeyController {

    private final SigningKeys keys;
    private final SigningKeyPolicy policy;
    private final Tenants tenants;

    SigningKeyController(SigningKeys keys, SigningKeyPolicy policy, Tenants tenants) {
        this.keys = keys;
        this.policy = policy;
        this.tenants = tenants;
    }

    record RotateSigningKeyInput(String tenantId, Boolean immediately) {
    }

    record RotateSigningKeyPayload(String keyId, OffsetDateTime previousKeysRetireAt, List<UserError> userErrors) {
    }

    @MutationMapping
    RotateSigningKeyPayload rotateSigningKey(@Argument RotateSigningKeyInput input) {
        return UserError.attempt(() -> {
            TenantScope scope = TenantScope.PLATFORM;
            if (input.tenantId() != null) {
                TenantId id = new TenantId(GlobalId.require(Types.TENANT, input.tenantId(), "tenantId"));
                if (tenants.findById(id).isEmpty()) {
                    throw new TenantRejection(TenantRejection.Reason.NOT_FOUND, "tenantId", "No tenant " + input.tenantId() + ".");
                }
                scope = TenantScope.of(id);
            }
            Duration overlap = Boolean.TRUE.equals(input.immediately()) ? Duration.ZERO : policy.overlap();
            SigningKeys.Rotation rotation = keys.rotate(scope, overlap);
            return new RotateSigningKeyPayload(rotation.keyId(), rotation.previousKeysRetireAt().atOffset(ZoneOffset.UTC), List.of());
        }, errors -> new RotateSigningKeyPayload(null, null, errors));
    }
}
