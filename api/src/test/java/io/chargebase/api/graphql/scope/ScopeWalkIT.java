package io.chargebase.api.graphql.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.Access;
import io.chargebase.api.graphql.OperationPolicy;
import io.chargebase.api.security.Role;
import io.chargebase.api.support.GraphQl;

/**
 * The sibling of {@code TenantIsolationIT} below the tenant: walks every object field a driver and an OU admin can
 * reach, generated from the schema, against the objects of {@link ScopeFixture} (theirs, their neighbours', and the
 * tenant's staff data), and checks that nothing outside the caller's scope comes back: no planted text, UID or id of
 * what they may not see, a FORBIDDEN error wherever {@link FieldPolicy} refuses, and no error anywhere else.
 *
 * <p>Each object type is reached from {@code node(id:)} of every fixture object and from every root query field the
 * role may call; from there the walk follows the fields the policy does not refuse, down to the next Node type the role
 * resolves by id (which its own node starts cover). Every field of a type is asked once with all its allowed siblings
 * and, when refused, alone, so that a refusal nulling its parent hides nothing else. The same queries run as the tenant
 * admin prove the fixture has data behind every field walked. A field added to the schema without a rule fails the walk
 * (and {@code FieldPolicyTest}); one classified too generously fails it as soon as the fixture has data behind it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeWalkIT extends ScopeFixture {

    /** Fields the fixture leaves empty on purpose, and why. */
    private static final Map<String, String> NO_DATA = Map.ofEntries(
            Map.entry("Tenant.suspendedReason", "an active tenant; a suspended one answers no request at all"),
            Map.entry("Viewer.clientId", "the walk signs people in; tokens of clients are never narrowed"),
            Map.entry("ChargingSession.ratingError", "every fixture session was rated"),
            // the fixture's receipts are monthly receipts; credit notes are ReceiptsIT's and TenantIsolationIT's
            Map.entry("Receipt.creditedReceiptId", "no credit note in the fixture"),
            // a driver's cards are read from Stripe through the tenant's connected account, which the walk's tenant has
            // not (PaymentMethodsGraphQlIT and TenantIsolationIT read them against WireMock)
            Map.entry("PaymentMethod.paymentMethodId", "no connected account: no cards"),
            Map.entry("PaymentMethod.brand", "no connected account: no cards"),
            Map.entry("PaymentMethod.last4", "no connected account: no cards"),
            Map.entry("PaymentMethod.expMonth", "no connected account: no cards"),
            Map.entry("PaymentMethod.expYear", "no connected account: no cards"),
            Map.entry("PaymentMethod.isDefault", "no connected account: no cards"),
            // the fixture records no payment; RefundsGraphQlIT lists payments for OU admins of their subtree and of another
            Map.entry("PaymentTransaction.transactionId", "no payment in the fixture"),
            Map.entry("PaymentTransaction.kind", "no payment in the fixture"),
            Map.entry("PaymentTransaction.amount", "no payment in the fixture"),
            Map.entry("PaymentTransaction.currency", "no payment in the fixture"),
            Map.entry("PaymentTransaction.profileId", "no payment in the fixture"),
            Map.entry("PaymentTransaction.sessionId", "no payment in the fixture"),
            Map.entry("PaymentTransaction.reference", "no payment in the fixture"),
            Map.entry("PaymentTransaction.description", "no payment in the fixture"),
            Map.entry("PaymentTransaction.occurredAt", "no payment in the fixture"),
            Map.entry("PaymentTransaction.postedAt", "no payment in the fixture"),
            Map.entry("PaymentTransactionConnection.edges", "no payment in the fixture"),
            Map.entry("PaymentTransactionEdge.cursor", "no payment in the fixture"),
            Map.entry("PaymentTransactionEdge.node", "no payment in the fixture"),
            Map.entry("SessionInactivity.correctedAt", "no session the platform finished got a late StopTransaction (InactivityFinishIT's subject)"),
            // the fixture's network is public and managed (ChargerAccessIT covers private locations and their notices)
            Map.entry("Location.publicNotice", "fixture locations are public: no notice"),
            Map.entry("Location.invitedUserGroups", "fixture locations are public: nobody is invited"),
            Map.entry("ChargePointAccess.access", "fixture charge points take their location's access"),
            Map.entry("ChargePointAccess.publicNotice", "fixture charge points are public: no notice"),
            Map.entry("ChargePointAccess.operatorNotice", "fixture charge points are managed by the operator: no notice"),
            Map.entry("ChargePointAccess.driverNotice", "fixture charge points are public and managed: no notice"),
            Map.entry("ChargerLocationEdge.distanceKm", "the walk searches the map by box, which has no distance"),
            // wallets are credited by operators in the fixture; WalletGraphQlIT debits them
            Map.entry("WalletEntry.debit", "no wallet payment in the fixture"),
            Map.entry("WalletEntry.sessionId", "no wallet payment in the fixture"),
            Map.entry("AutoTopUp.disabledReason", "the fixture's auto top-up is on (TopUpPackagesGraphQlIT turns one off)"));
    /** What an OU admin reaches of a driver's price: an Evse's price is the signed-in driver's, null for staff. */
    private static final Map<String, String> NO_PRICE_FOR_STAFF = java.util.stream.Stream.of("Evse.price", "EvsePrice.currency",
                    "EvsePrice.description", "EvsePrice.elements", "EvsePrice.estimate", "EvsePrice.evse", "EvsePrice.information",
                    "EvsePrice.learnMoreUrl", "EvsePrice.maxPrice", "EvsePrice.minPrice", "EvsePrice.stopLimits", "EvsePrice.text",
                    "PriceEstimate.durationMinutes", "PriceEstimate.energyKwh", "PriceEstimate.lines", "PriceEstimate.total")
            .collect(java.util.stream.Collectors.toMap(field -> field, field -> "an OU admin is no driver: an EVSE has no price for them"));
    private static final Map<Role, Map<String, String>> NO_DATA_FOR = Map.of(
            Role.DRIVER, Map.of("Viewer.organisationUnit", "a driver administers no unit"),
            Role.OU_ADMIN, withProfile(NO_PRICE_FOR_STAFF));

    private static Map<String, String> withProfile(Map<String, String> fields) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("Viewer.profile", "an OU admin charges as nobody");
        return Map.copyOf(all);
    }

    @Autowired
    GraphQlSource graphQlSource;

    private GraphQLSchema schema;

    @BeforeAll
    void fixture() {
        buildFixture();
        schema = graphQlSource.schema();
    }

    @Test
    void aDriverGetsNothingOutsideTheirScopeFromAnyField() {
        walk(Role.DRIVER, driver);
    }

    @Test
    void anOuAdminGetsNothingOutsideTheirSubtreeFromAnyField() {
        walk(Role.OU_ADMIN, ouAdmin);
    }

    /** One step of a path: a field, or an inline fragment on a type. */
    private record Step(String field, String on) {

        static Step field(String name) {
            return new Step(name, null);
        }

        static Step on(String type) {
            return new Step(null, type);
        }
    }

    /** An object type reached from a start (a node(id:) or a root field with its arguments) along a path. */
    private record Instance(String opener, boolean adminMayRun, List<Step> steps, GraphQLObjectType type) {
    }

    private final class Walk {

        final Role role;
        final String token;
        final Set<String> walked = new TreeSet<>();
        final Set<String> unclassified = new TreeSet<>();
        final Set<String> withData = new HashSet<>();
        final Set<String> refusedSeen = new HashSet<>();
        final Set<String> refusedWalked = new TreeSet<>();
        int queries;

        Walk(Role role, String token) {
            this.role = role;
            this.token = token;
        }
    }

    private void walk(Role role, String token) {
        Walk walk = new Walk(role, token);
        List<Instance> instances = new ArrayList<>();
        for (Map.Entry<String, List<String>> type : nodes.entrySet()) {
            for (String id : type.getValue()) {
                instances.addAll(reach(walk, "node(id: \"" + id + "\")", true, List.of(Step.on(type.getKey())),
                        (GraphQLObjectType) schema.getType(type.getKey())));
            }
        }
        for (GraphQLFieldDefinition root : schema.getQueryType().getFieldDefinitions()) {
            Access access = OperationPolicy.of("Query." + root.getName()).orElseThrow();
            if (!access.allows(EnumSet.of(role)) || root.getName().equals("node") || root.getName().equals("nodes")) {
                continue;
            }
            boolean adminMayRun = access.allows(EnumSet.of(Role.TENANT_ADMIN));
            GraphQLType result = GraphQLTypeUtil.unwrapAll(root.getType());
            for (String arguments : arguments(root)) {
                for (Map.Entry<GraphQLObjectType, List<Step>> member : members(result, List.of()).entrySet()) {
                    instances.addAll(reach(walk, root.getName() + arguments, adminMayRun, member.getValue(), member.getKey()));
                }
            }
        }
        for (Instance instance : instances) {
            ask(walk, instance);
        }
        nodesLeakNothing(walk);

        assertThat(walk.unclassified).as("fields a " + role + " reaches without a rule in FieldPolicy").isEmpty();
        Set<String> expected = new TreeSet<>();
        Reach.objectTypesOfQueries(schema, role).keySet().forEach(type -> ((GraphQLObjectType) schema.getType(type)).getFieldDefinitions()
                .forEach(field -> expected.add(type + "." + field.getName())));
        assertThat(walk.walked).as("every field a " + role + " reaches through a query is walked").containsAll(expected);
        Set<String> neverRefused = new TreeSet<>(walk.refusedWalked);
        neverRefused.removeAll(walk.refusedSeen);
        // a staff Node type a driver cannot resolve is met only as node(id:) = null: nothing to refuse field by field
        neverRefused.removeIf(field -> !Reach.objectTypesOfQueries(schema, role).containsKey(field.substring(0, field.indexOf('.'))));
        assertThat(neverRefused).as("refused fields never met on an object the " + role + " sees: give the fixture one").isEmpty();
        Set<String> empty = new TreeSet<>(walk.walked);
        empty.removeAll(walk.withData);
        empty.removeAll(NO_DATA.keySet());
        empty.removeAll(NO_DATA_FOR.get(role).keySet());
        assertThat(empty).as("walked fields with no data behind them in the fixture").isEmpty();
        System.out.printf("Scope walk as %s: %d object types, %d fields (%d refused), %d queries%n", role,
                walk.walked.stream().map(f -> f.substring(0, f.indexOf('.'))).distinct().count(), walk.walked.size(),
                walk.refusedWalked.size(), walk.queries);
    }

    /** The types reached from one start, each once, following the fields the role is not refused. */
    private List<Instance> reach(Walk walk, String opener, boolean adminMayRun, List<Step> startSteps, GraphQLObjectType startType) {
        List<Instance> found = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<Instance> queue = new ArrayDeque<>();
        queue.add(new Instance(opener, adminMayRun, startSteps, startType));
        while (!queue.isEmpty()) {
            Instance instance = queue.poll();
            if (!visited.add(instance.type().getName())) {
                continue;
            }
            found.add(instance);
            for (GraphQLFieldDefinition field : instance.type().getFieldDefinitions()) {
                String coordinate = instance.type().getName() + "." + field.getName();
                FieldRule rule = FieldPolicy.of(coordinate).orElse(null);
                if (rule == null) {
                    walk.unclassified.add(coordinate);
                    continue;
                }
                if (rule.of(walk.role) == Treatment.REFUSED) {
                    continue;
                }
                List<Step> path = new ArrayList<>(instance.steps());
                path.add(Step.field(field.getName()));
                members(GraphQLTypeUtil.unwrapAll(field.getType()), path).forEach((type, steps) -> {
                    // a Node type the role resolves by id is walked from its own node(id:) starts
                    boolean ownStarts = type.getInterfaces().stream().anyMatch(i -> i.getName().equals("Node"))
                            && FieldPolicy.resolvesNode(walk.role, type.getName());
                    if (!ownStarts && !visited.contains(type.getName())) {
                        queue.add(new Instance(instance.opener(), instance.adminMayRun(), steps, type));
                    }
                });
            }
        }
        return found;
    }

    /** The object types a value of this type may be, each with the inline fragment that selects it. */
    private Map<GraphQLObjectType, List<Step>> members(GraphQLType type, List<Step> path) {
        Map<GraphQLObjectType, List<Step>> members = new LinkedHashMap<>();
        List<GraphQLObjectType> possible = switch (type) {
            case GraphQLObjectType object -> List.of(object);
            case GraphQLInterfaceType contract -> schema.getImplementations(contract);
            case GraphQLUnionType union -> union.getTypes().stream().map(GraphQLNamedOutputType.class::cast).map(GraphQLObjectType.class::cast).toList();
            default -> List.of();
        };
        for (GraphQLObjectType object : possible) {
            List<Step> steps = new ArrayList<>(path);
            if (!(type instanceof GraphQLObjectType)) {
                steps.add(Step.on(object.getName()));
            }
            members.put(object, steps);
        }
        return members;
    }

    /** Asks for every allowed field of the instance together, and for every refused one alone; as the role and as the admin. */
    private void ask(Walk walk, Instance instance) {
        List<GraphQLFieldDefinition> allowed = new ArrayList<>();
        List<GraphQLFieldDefinition> refused = new ArrayList<>();
        for (GraphQLFieldDefinition field : instance.type().getFieldDefinitions()) {
            String coordinate = instance.type().getName() + "." + field.getName();
            FieldRule rule = FieldPolicy.of(coordinate).orElse(null);
            if (rule == null) {
                walk.unclassified.add(coordinate);
                continue;
            }
            walk.walked.add(coordinate);
            (rule.of(walk.role) == Treatment.REFUSED ? refused : allowed).add(field);
        }
        if (!allowed.isEmpty()) {
            String query = query(instance, allowed);
            GraphQl.Response answer = send(walk, walk.token, query);
            assertNothingHidden(walk.role, query, answer.raw());
            assertThat(answer.errors()).as(query + "\n→ " + answer.raw()).isEmpty();
            recordData(walk, instance, allowed, answer);
            if (instance.adminMayRun()) {
                recordData(walk, instance, allowed, send(walk, admin, query));
            }
        }
        for (GraphQLFieldDefinition field : refused) {
            String coordinate = instance.type().getName() + "." + field.getName();
            walk.refusedWalked.add(coordinate);
            String query = query(instance, List.of(field));
            GraphQl.Response answer = send(walk, walk.token, query);
            assertNothingHidden(walk.role, query, answer.raw());
            for (JsonNode error : answer.errors()) {
                assertThat(error.path("extensions").path("classification").asString()).as(query + "\n→ " + answer.raw()).isEqualTo("FORBIDDEN");
                JsonNode path = error.path("path");
                assertThat(path.get(path.size() - 1).asString()).as(answer.raw()).isEqualTo(field.getName());
                walk.refusedSeen.add(coordinate);
            }
            for (JsonNode value : values(answer.data().path("r"), instance.steps(), field.getName())) {
                assertThat(isEmpty(value)).as(coordinate + " refused, yet " + answer.raw()).isTrue();
            }
            if (instance.adminMayRun()) {
                recordData(walk, instance, List.of(field), send(walk, admin, query));
            }
        }
    }

    private GraphQl.Response send(Walk walk, String token, String query) {
        walk.queries++;
        GraphQl.Response answer = graphQl().query(token, query, Map.of());
        assertThat(answer.status()).as(query + "\n→ " + answer.raw()).isEqualTo(200);
        return answer;
    }

    private void recordData(Walk walk, Instance instance, List<GraphQLFieldDefinition> fields, GraphQl.Response answer) {
        for (GraphQLFieldDefinition field : fields) {
            for (JsonNode value : values(answer.data().path("r"), instance.steps(), field.getName())) {
                if (!isEmpty(value)) {
                    walk.withData.add(instance.type().getName() + "." + field.getName());
                }
            }
        }
    }

    private void nodesLeakNothing(Walk walk) {
        List<String> all = nodes.values().stream().flatMap(List::stream).toList();
        String query = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }";
        GraphQl.Response answer = graphQl().query(walk.token, query, Map.of("ids", all));
        walk.queries++;
        assertThat(answer.errors()).as(answer.raw()).isEmpty();
        assertNothingHidden(walk.role, "nodes(ids:)", answer.raw());
    }

    /** The query asking for these fields of the instance, under the alias {@code r}. */
    private static String query(Instance instance, List<GraphQLFieldDefinition> fields) {
        StringBuilder selection = new StringBuilder();
        for (GraphQLFieldDefinition field : fields) {
            selection.append(' ').append(field.getName()).append(leaf(field.getType()));
        }
        String inner = selection.toString();
        List<Step> steps = instance.steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            inner = (step.field() != null ? step.field() : "... on " + step.on()) + " {" + inner + " }";
        }
        // a node(id:) start also asks for the id, so that an object resolved against its scope shows by its id
        String head = instance.opener().startsWith("node(") ? "__typename ... on Node { id } " : "__typename ";
        return "query { r: " + instance.opener() + " { " + head + inner + " } }";
    }

    /** What to select below a field: nothing for scalars, the type name (and id of Node objects) below objects. */
    private static String leaf(GraphQLType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        return switch (unwrapped) {
            case GraphQLObjectType object when object.getInterfaces().stream().anyMatch(i -> i.getName().equals("Node")) -> " { __typename id }";
            case GraphQLObjectType object when object.getFieldDefinition("edges") != null -> " { __typename edges { __typename } }";
            case GraphQLObjectType object -> " { __typename }";
            case GraphQLInterfaceType contract -> " { __typename ... on Node { id } }";
            case GraphQLUnionType union -> " { __typename ... on Node { id } }";
            default -> "";
        };
    }

    /** Arguments for the root fields that need some; a root field with required arguments the walk does not know fails it. */
    private List<String> arguments(GraphQLFieldDefinition root) {
        List<String> arguments = switch (root.getName()) {
            case "branding" -> List.of("(host: \"" + tenant.tenant().slug() + "\")");
            case "evsePrice" -> List.of("(evseId: \"" + evseA + "\", energyKwh: \"10\", durationMinutes: 60)");
            case "search" -> List.of("(text: \"Br\")", "(text: \"SCOPE\")");
            case "findChargers" -> List.of("(box: {south: -90, west: -180, north: 90, east: 180})");
            // one EVSE priced by its tariff group, one by a rule of the tariff plan
            case "applicableTariff" -> List.of("(evseId: \"" + evseA + "\", customer: PROFILE, profileId: \"" + alma + "\")",
                    "(evseId: \"" + evseB + "\", customer: PROFILE, profileId: \"" + alma + "\")");
            case "mspCdrs" -> List.of("(filter: {includeSuperseded: true})");
            // the driver's own wallet and log, and a profile of another unit
            case "walletOf", "profileActions" -> List.of("(profileId: \"" + dora + "\")", "(profileId: \"" + bruno + "\")");
            default -> List.of("");
        };
        if (arguments.equals(List.of(""))) {
            root.getArguments().forEach(argument -> assertThat(GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue())
                    .as("give the walk a value for Query." + root.getName() + "(" + argument.getName() + ":)").isFalse());
        }
        return arguments;
    }

    /** Every value at the path below the start, arrays flattened. */
    private static List<JsonNode> values(JsonNode start, List<Step> steps, String field) {
        List<JsonNode> current = new ArrayList<>();
        current.add(start);
        List<String> names = new ArrayList<>();
        steps.stream().filter(step -> step.field() != null).forEach(step -> names.add(step.field()));
        names.add(field);
        for (String name : names) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : flatten(current)) {
                if (node.isObject() && node.has(name)) {
                    next.add(node.get(name));
                }
            }
            current = next;
        }
        return current;
    }

    private static List<JsonNode> flatten(List<JsonNode> nodes) {
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                node.values().forEach(flat::add);
            } else {
                flat.add(node);
            }
        }
        return flat;
    }

    /** Null, an empty list, or an empty page. */
    private static boolean isEmpty(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isArray()) {
            return value.isEmpty();
        }
        if (value.isObject() && value.has("edges") && value.path("edges").isArray()) {
            return value.path("edges").isEmpty();
        }
        return false;
    }
}
