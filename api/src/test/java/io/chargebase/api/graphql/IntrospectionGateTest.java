package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.chargebase.api.security.Role;

class IntrospectionGateTest {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Test
    void typenameIsNeverRefused() {
        IntrospectionGate gate = new IntrospectionGate(false, false);
        assertThat(gate.allows("__typename", null, Set.of())).isTrue();
        assertThat(gate.allows("__typename", ANONYMOUS, Set.of())).isTrue();
        assertThat(gate.allows("__typename", signedIn(), EnumSet.of(Role.DRIVER))).isTrue();
    }

    @Test
    void theSchemaIsForStaffIntegrationsAndPlatformAdmins() {
        IntrospectionGate gate = new IntrospectionGate(false, false);
        for (Role role : List.of(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.OU_ADMIN, Role.ANALYST)) {
            assertThat(gate.allows("__schema", signedIn(), EnumSet.of(role))).as(role.name()).isTrue();
            assertThat(gate.allows("__type", signedIn(), EnumSet.of(role))).as(role.name()).isTrue();
        }
        assertThat(gate.allows("__schema", signedIn(), EnumSet.of(Role.DRIVER))).isFalse();
        assertThat(gate.allows("__schema", ANONYMOUS, Set.of())).isFalse();
        assertThat(gate.allows("__type", null, Set.of())).isFalse();
    }

    @Test
    void localModeAndTheAnonymousSettingOpenIt() {
        assertThat(new IntrospectionGate(true, false).allows("__schema", ANONYMOUS, Set.of())).isTrue();
        assertThat(new IntrospectionGate(false, true).allows("__schema", ANONYMOUS, Set.of())).isTrue();
        assertThat(new IntrospectionGate(false, true).allows("__type", null, Set.of())).isTrue();
    }

    private static Authentication signedIn() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("someone").build();
        return new JwtAuthenticationToken(jwt);
    }
}
