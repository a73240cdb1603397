package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.UserRole;

/**
 * Meta-fields are no operations: {@code __typename} runs for everyone; {@code __schema} and {@code __type} for tenant
 * staff, integrations and platform administrators (anonymous callers only when configured, see IntrospectionGateTest),
 * and the schema query GraphiQL sends is not held to the depth limit.
 */
class IntrospectionIT extends IntegrationTest {

    @Test
    void typenameAtTheRootLeavesTheRestOfTheQueryIntact() {
        String token = tokenOf(aTenant());
        GraphQl.Response response = graphQl().query(token, "{ __typename me { roles } }", Map.of());
        assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.raw()).isTrue();
        assertThat(response.data().path("__typename").asString()).isEqualTo("Query");
        assertThat(response.data().path("me").path("roles").toString()).contains("TENANT_ADMIN");
    }

    @Test
    void anonymousCallersGetTypenameButNotTheSchema() {
        assertThat(graphQl().query(null, "{ __typename }", Map.of()).data().path("__typename").asString()).isEqualTo("Query");
        GraphQl.Response schema = graphQl().query(null, "{ __schema { queryType { name } } }", Map.of());
        assertThat(schema.errorTypes()).containsExactly("UNAUTHENTICATED");
        assertThat(schema.raw()).contains("Sign in to introspect");
    }

    @Test
    void staffIntegrationsAndPlatformAdminsRunTheFullIntrospectionQuery() {
        TestTenant tenant = aTenant();
        int depth = DepthLimit.depth(Parser.parse(IntrospectionQuery.INTROSPECTION_QUERY).getDefinitionsOfType(graphql.language.OperationDefinition.class)
                .getFirst().getSelectionSet(), fragments(), new java.util.HashSet<>());
        assertThat(depth).as("introspection does not count").isZero();
        for (String token : new String[] {tokenOf(tenant), accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null)), platformToken()}) {
            GraphQl.Response response = graphQl().query(token, IntrospectionQuery.INTROSPECTION_QUERY, Map.of());
            assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.raw()).isTrue();
            JsonNode types = response.data().path("__schema").path("types");
            assertThat(types.toString()).contains("\"ChargePoint\"");
        }
        GraphQl.Response type = graphQl().query(tokenOf(tenant), "{ __type(name: \"ChargePoint\") { name fields { name } } }", Map.of());
        assertThat(type.data().path("__type").path("name").asString()).isEqualTo("ChargePoint");
    }

    @Test
    void driversDoNotIntrospect() {
        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Curious Driver",
                "email", "curious-driver@example.com")).path("profile").path("id").asString();
        String driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
        GraphQl.Response response = graphQl().query(driver, "{ __schema { queryType { name } } }", Map.of());
        assertThat(response.data().path("__schema").isMissingNode() || response.data().path("__schema").isNull()).as(response.raw()).isTrue();
        assertThat(response.errors()).isNotEmpty();
    }

    private static Map<String, graphql.language.FragmentDefinition> fragments() {
        Map<String, graphql.language.FragmentDefinition> fragments = new java.util.HashMap<>();
        Parser.parse(IntrospectionQuery.INTROSPECTION_QUERY).getDefinitionsOfType(graphql.language.FragmentDefinition.class)
                .forEach(fragment -> fragments.put(fragment.getName(), fragment));
        return fragments;
    }
}
