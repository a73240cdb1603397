package io.chargebase.api.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Puts the issuer's tenant and the client's roles into every access token. */
class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (TenantContext.current() instanceof TenantScope.OfTenant(var tenantId)) {
            context.getClaims().claim(Claims.TENANT_ID, tenantId.toString());
        }
        context.getClaims().claim(Claims.ROLES, ClientRegistrations.rolesOf(context.getRegisteredClient()).stream()
                .map(Role::name).toList());
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
