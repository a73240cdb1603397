package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.schema.GraphQLObjectType;

import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;

/** The policy table and the schema name the same operations, and the API enforces the table. */
class OperationPolicyIT extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyRootFieldHasAPolicyAndEveryPolicyARootField() {
        TreeSet<String> fields = new TreeSet<>();
        for (GraphQLObjectType type : new GraphQLObjectType[] {graphQlSource.schema().getQueryType(),
                graphQlSource.schema().getMutationType(), graphQlSource.schema().getSubscriptionType()}) {
            if (type != null) {
                type.getFieldDefinitions().forEach(field -> fields.add(type.getName() + "." + field.getName()));
            }
        }
        assertThat(new TreeSet<>(OperationPolicy.all().keySet())).isEqualTo(fields);
    }

    @Autowired
    SchemaInspection inspection;

    @Test
    void everySchemaFieldAndArgumentHasAHandler() {
        assertThat(inspection.report()).isNotNull();
        assertThat(inspection.report().unmappedFields()).isEmpty();
        assertThat(inspection.report().unmappedArguments()).isEmpty();
        assertThat(inspection.report().unmappedRegistrations()).isEmpty();
    }

    @Test
    void anonymousCallersAreToldToSignIn() {
        GraphQl.Response response = graphQl().document(null, "tenant-portal/Profiles", Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errorTypes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void tenantAdminsCannotRunPlatformOperationsNorPlatformAdminsTenantOnes() {
        String tenantAdmin = tokenOf(aTenant());
        assertThat(graphQl().document(tenantAdmin, "platform-console/Tenants", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
        String platformAdmin = platformToken();
        assertThat(graphQl().document(platformAdmin, "tenant-portal/Profiles", Map.of()).errorTypes()).containsExactly("FORBIDDEN");
        assertThat(graphQl().document(platformAdmin, "platform-console/Tenants", Map.of()).errorTypes()).isEmpty();
    }

    @Test
    void queriesBeyondTheDepthLimitAreRefusedBeforeTheyRun() {
        String token = tokenOf(aTenant());
        String deep = "{ organisationTree { " + "children { ".repeat(20) + "id" + " }".repeat(20) + " } }";
        GraphQl.Response response = graphQl().query(token, deep, Map.of());
        assertThat(response.raw()).contains("maximum query depth");
        assertThat(response.data().isMissingNode() || response.data().isNull()).isTrue();
    }
}
