package io.chargebase.api.graphql.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import io.chargebase.api.security.Role;

/**
 * The field policy covers every field a driver or an OU admin can reach, names nothing the schema lacks, decides for
 * every Node type whether drivers resolve it, and refuses drivers nothing the driver app asks for. A field added to the
 * schema without a rule fails here.
 */
class FieldPolicyTest {

    private static final GraphQLSchema SCHEMA = Reach.schemaFromClasspath();
    private static final List<Role> NARROWED = List.of(Role.DRIVER, Role.OU_ADMIN);

    @Test
    void everyFieldANarrowedRoleCanReachIsClassified() {
        List<String> unclassified = new ArrayList<>();
        for (Role role : NARROWED) {
            Reach.objectTypes(SCHEMA, role).forEach((type, via) -> {
                for (GraphQLFieldDefinition field : ((GraphQLObjectType) SCHEMA.getType(type)).getFieldDefinitions()) {
                    if (FieldPolicy.of(type + "." + field.getName()).isEmpty()) {
                        unclassified.add(type + "." + field.getName() + " (a " + role + " reaches " + type + " through " + via + ")");
                    }
                }
            });
        }
        assertThat(unclassified).as("classify these in FieldPolicy").isEmpty();
    }

    @Test
    void aDriverReachesTheNetworkButNotItsLogsAnOuAdminReachesBoth() {
        assertThat(Reach.objectTypes(SCHEMA, Role.DRIVER).keySet()).contains("ChargePoint", "Evse", "ConnectorStatus", "MspCdr", "Tariff")
                .doesNotContain("ChargerCommand", "ChargerConnection", "CommunicationLogEntry", "TariffGroup", "BusinessPartnerGroup",
                        "LocationGroup", "PendingChargePoint");
        assertThat(Reach.objectTypes(SCHEMA, Role.OU_ADMIN).keySet()).contains("ChargerCommand", "ChargerConnection", "CommunicationLogEntry",
                "TariffGroup", "ChargingSettings");
    }

    @Test
    void everyRuleNamesAFieldOfTheSchema() {
        List<String> stale = new ArrayList<>();
        for (String coordinate : FieldPolicy.all().keySet()) {
            String[] parts = coordinate.split("\\.");
            if (!(SCHEMA.getType(parts[0]) instanceof GraphQLObjectType type) || type.getFieldDefinition(parts[1]) == null) {
                stale.add(coordinate);
            }
        }
        assertThat(stale).isEmpty();
    }

    @Test
    void everyNodeTypeIsDecidedForDrivers() {
        Set<String> nodes = new TreeSet<>();
        SCHEMA.getImplementations((GraphQLInterfaceType) SCHEMA.getType("Node")).forEach(type -> nodes.add(type.getName()));
        assertThat(FieldPolicy.classifiedNodeTypes()).isEqualTo(nodes);
    }

    @Test
    void redactionsApplyToTextTheyCanRead() {
        FieldPolicy.all().forEach((coordinate, rule) -> {
            if (rule.redaction() != null) {
                String[] parts = coordinate.split("\\.");
                GraphQLType type = GraphQLTypeUtil.unwrapAll(((GraphQLObjectType) SCHEMA.getType(parts[0])).getFieldDefinition(parts[1]).getType());
                assertThat(GraphQLTypeUtil.simplePrint(type)).as(coordinate).isEqualTo("String");
            }
        });
    }

    @Test
    void theDriverAppAsksForNothingRefusedToDrivers() throws IOException {
        List<String> refused = new ArrayList<>();
        Resource[] documents = new PathMatchingResourcePatternResolver().getResources("classpath*:ui-contracts/driver-app/*.graphql");
        assertThat(documents).isNotEmpty();
        for (Resource document : documents) {
            Document parsed = Parser.parse(document.getContentAsString(StandardCharsets.UTF_8));
            Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
            parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
            for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
                GraphQLObjectType root = switch (operation.getOperation()) {
                    case QUERY -> SCHEMA.getQueryType();
                    case MUTATION -> SCHEMA.getMutationType();
                    case SUBSCRIPTION -> SCHEMA.getSubscriptionType();
                };
                visit(root, operation.getSelectionSet(), fragments, coordinate -> FieldPolicy.of(coordinate)
                        .filter(rule -> rule.driver() == Treatment.REFUSED).ifPresent(rule -> refused.add(document.getFilename() + ": " + coordinate)));
            }
        }
        assertThat(refused).isEmpty();
    }

    private static void visit(GraphQLType parent, SelectionSet selections, Map<String, FragmentDefinition> fragments,
            java.util.function.Consumer<String> field) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            switch (selection) {
                case Field f when parent instanceof GraphQLFieldsContainer container && container.getFieldDefinition(f.getName()) != null -> {
                    field.accept(container.getName() + "." + f.getName());
                    visit(GraphQLTypeUtil.unwrapAll(container.getFieldDefinition(f.getName()).getType()), f.getSelectionSet(), fragments, field);
                }
                case InlineFragment inline -> visit(inline.getTypeCondition() == null ? parent : SCHEMA.getType(inline.getTypeCondition().getName()),
                        inline.getSelectionSet(), fragments, field);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    visit(SCHEMA.getType(fragment.getTypeCondition().getName()), fragment.getSelectionSet(), fragments, field);
                }
                default -> {
                }
            }
        }
    }

    @Test
    void onlyTheTreatmentsThatNeedARedactionCarryOne() {
        assertThat(FieldPolicy.all().values()).allMatch(rule -> (rule.redaction() != null)
                == (rule.driver() == Treatment.REDACTED || rule.ouAdmin() == Treatment.REDACTED));
    }
}
