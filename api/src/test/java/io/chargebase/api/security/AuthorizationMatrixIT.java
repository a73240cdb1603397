package io.chargebase.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import io.chargebase.api.graphql.Access;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.OperationPolicy;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;

/**
 * Calls every operation of the schema as every role (and anonymously), with tokens obtained the way each caller
 * obtains them, and checks that exactly the roles of {@link OperationPolicy} get past the door. An operation the
 * table does not name fails here too.
 */
// the probes are ad-hoc documents for every role; which documents a driver app may send is TrustedDocumentsIT's subject
@org.springframework.test.context.TestPropertySource(properties = "chargebase.graphql.trusted-documents.enforce=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    private final Map<Role, String> tokens = new LinkedHashMap<>();

    /** Operations that end the caller's own sign-ins: every role signs in afresh after them. */
    private static final Set<String> SIGNING_OUT = Set.of("Mutation.signOutEverywhere");

    private TestTenant tenant;
    private final Map<Role, User> users = new LinkedHashMap<>();

    @BeforeAll
    void aTokenPerRole() {
        tenant = aTenant();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Matrix Driver",
                "email", "matrix-driver@example.com")).path("profile").path("id").asString();
        users.put(Role.TENANT_ADMIN, aUser(tenant, UserRole.TENANT_ADMIN, null, null));
        users.put(Role.OU_ADMIN, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(root).orElseThrow().id(), null));
        users.put(Role.ANALYST, aUser(tenant, UserRole.ANALYST, null, null));
        users.put(Role.DRIVER, aUser(tenant, UserRole.DRIVER, null, GlobalId.decode(profile).orElseThrow().id()));
        signInEveryRole();
    }

    private void signInEveryRole() {
        tokens.put(Role.PLATFORM_ADMIN, platformToken());
        users.forEach((role, user) -> tokens.put(role, accessTokenOf(tenant, user)));
    }

    @Test
    void everyOperationAdmitsExactlyTheRolesOfThePolicyTable() {
        List<String> mismatches = new ArrayList<>();
        for (String coordinate : operations()) {
            Access access = OperationPolicy.of(coordinate).orElse(null);
            if (access == null) {
                mismatches.add(coordinate + " has no entry in OperationPolicy");
                continue;
            }
            String document = probe(coordinate);
            String anonymous = refusal(graphQl().query(null, document, Map.of()), coordinate);
            if (access.allowsAnonymous() ? anonymous != null : !"UNAUTHENTICATED".equals(anonymous)) {
                mismatches.add(coordinate + " as anonymous: " + anonymous);
            }
            for (Role role : Role.values()) {
                boolean expected = access.allows(EnumSet.of(role));
                String refusal = refusal(graphQl().query(tokens.get(role), document, Map.of()), coordinate);
                if (expected != (refusal == null) || (!expected && !"FORBIDDEN".equals(refusal))) {
                    mismatches.add(coordinate + " as " + role + ": expected " + (expected ? "allowed" : "FORBIDDEN") + ", got "
                            + (refusal == null ? "allowed" : refusal));
                }
            }
            if (SIGNING_OUT.contains(coordinate)) {
                signInEveryRole();
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** The classification of the error on the operation's own field, or null when the call got past the policy. */
    private static String refusal(GraphQl.Response response, String coordinate) {
        assertThat(response.status()).as(coordinate + " " + response.raw()).isEqualTo(200);
        String field = coordinate.substring(coordinate.indexOf('.') + 1);
        List<String> found = new ArrayList<>();
        response.errors().forEach(error -> {
            String classification = error.path("extensions").path("classification").asString();
            if (error.path("path").path(0).asString().equals(field)
                    && (classification.equals("FORBIDDEN") || classification.equals("UNAUTHENTICATED"))) {
                found.add(classification);
            }
        });
        return found.isEmpty() ? null : found.getFirst();
    }

    private List<String> operations() {
        List<String> coordinates = new ArrayList<>();
        for (GraphQLObjectType type : new GraphQLObjectType[] {graphQlSource.schema().getQueryType(),
                graphQlSource.schema().getMutationType(), graphQlSource.schema().getSubscriptionType()}) {
            if (type != null) {
                type.getFieldDefinitions().forEach(field -> coordinates.add(type.getName() + "." + field.getName()));
            }
        }
        return coordinates;
    }

    /** A syntactically valid call of the operation with harmless arguments: random ids, values that fail validation. */
    private String probe(String coordinate) {
        String typeName = coordinate.substring(0, coordinate.indexOf('.'));
        GraphQLObjectType type = (GraphQLObjectType) graphQlSource.schema().getType(typeName);
        GraphQLFieldDefinition field = type.getFieldDefinition(coordinate.substring(coordinate.indexOf('.') + 1));
        String arguments = field.getArguments().stream()
                .filter(argument -> GraphQLTypeUtil.isNonNull(argument.getType()))
                .map(argument -> argument.getName() + ": " + value(argument.getType()))
                .collect(Collectors.joining(", "));
        GraphQLType result = GraphQLTypeUtil.unwrapAll(field.getType());
        String selection = result instanceof GraphQLScalarType || result instanceof GraphQLEnumType ? "" : " { __typename }";
        String operation = typeName.equals("Mutation") ? "mutation" : typeName.equals("Subscription") ? "subscription" : "query";
        return operation + " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")") + selection + " }";
    }

    private static String value(GraphQLInputType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return value((GraphQLInputType) nonNull.getWrappedType());
        }
        if (type instanceof GraphQLList list) {
            return "[" + value((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        if (type instanceof GraphQLInputObjectType input) {
            return input.getFieldDefinitions().stream()
                    .filter(inputField -> GraphQLTypeUtil.isNonNull(inputField.getType()))
                    .map(inputField -> inputField.getName() + ": " + value(inputField.getType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return switch (((GraphQLScalarType) type).getName()) {
            case "ID" -> "\"" + GlobalId.encode("Profile", UUID.randomUUID()) + "\"";
            case "Int" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "false";
            case "DateTime" -> "\"2026-01-01T00:00:00Z\"";
            case "Decimal" -> "\"1\"";
            default -> "\"x\"";
        };
    }
}
