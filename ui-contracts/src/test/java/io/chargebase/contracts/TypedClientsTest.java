package io.chargebase.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.Validator;

/**
 * The build's claim about the generated TypeScript types, shown on scratch copies of the schema: a change that breaks
 * what a client reads or sends fails the build, including changes that leave every document valid (which
 * {@link DocumentsMatchSchemaTest} alone would let through). Each case changes one line of the real schema and runs
 * the build's own script (scripts/typed-clients.mjs) over it; all cases share one run of the generator.
 */
class TypedClientsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCHEMA = MODULE.resolve("../schema/src/main/resources/graphql").normalize();
    private static final Path DOCUMENTS = MODULE.resolve("src/main/resources/ui-contracts");
    private static final Path SCRATCH = MODULE.resolve("target/typed-clients-test");

    /** Case name → the change it makes to the schema's files (by file name). */
    private static final Map<String, Map<String, UnaryOperator<String>>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("unchanged", Map.of());
        CASES.put("field-renamed", Map.of("identity.graphqls", sdl -> replaceOnce(sdl, "    myProfile: Profile\n", "    ownProfile: Profile\n")));
        CASES.put("field-nullable", Map.of("charging.graphqls", sdl -> replaceOnce(sdl, "    energyWh: Float!\n", "    energyWh: Float\n")));
        CASES.put("enum-value-removed", Map.of("charging.graphqls", sdl -> replaceOnce(sdl,
                "enum ChargingSessionStatus {\n    PENDING\n    ACTIVE\n    FINISHED\n    FAILED\n}",
                "enum ChargingSessionStatus {\n    PENDING\n    ACTIVE\n    FINISHED\n}")));
        CASES.put("field-type-changed", Map.of("tariffs.graphqls", sdl -> replaceOnce(sdl, "    stepSize: Int!\n", "    stepSize: Decimal!\n")));
        CASES.put("input-field-required", Map.of("identity.graphqls", sdl -> replaceOnce(sdl,
                "input UpdateMyProfileInput {\n    name: String\n    phone: String\n}",
                "input UpdateMyProfileInput {\n    name: String\n    phone: String!\n}")));
    }

    private static final Map<String, String> logs = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryCaseThroughTheBuildsScript() throws Exception {
        deleteRecursively(SCRATCH);
        // Every case breaks the driver app's use of its documents, so only that client is generated: a quarter of the time.
        List<String> command = new ArrayList<>(List.of("node", "scripts/typed-clients.mjs", "--clients", "driver-app"));
        for (var entry : CASES.entrySet()) {
            Path schema = SCRATCH.resolve(entry.getKey() + "-schema");
            copySchema(schema, entry.getValue());
            command.addAll(List.of("--schema", schema.toString(), "--out", SCRATCH.resolve(entry.getKey()).toString()));
        }
        Process process = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true)
                .redirectOutput(SCRATCH.resolve("run.txt").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the typed-clients script finishes").isTrue();
        for (String name : CASES.keySet()) {
            Path log = SCRATCH.resolve(name + ".log");
            assertThat(log).as("the script's log of case " + name + "; its output: " + Files.readString(SCRATCH.resolve("run.txt"))).exists();
            logs.put(name, Files.readString(log));
        }
        assertThat(process.exitValue()).as("exit status when some cases fail").isEqualTo(1);
    }

    @Test
    void theSchemaAsItIsPassesInTheScratchSetUp() {
        assertThat(logs.get("unchanged")).startsWith("PASSED");
    }

    @Test
    void aFieldADocumentSelectsRenamedFailsGenerationNamingTheDocument() {
        assertThat(logs.get("field-renamed")).startsWith("FAILED generation")
                .contains("driver-app/MyProfile.graphql:2:3")
                .contains("Cannot query field \"myProfile\" on type \"Query\"");
    }

    @Test
    void aFieldAClientReadsMadeNullableFailsTheTypeCheckThoughEveryDocumentStaysValid() throws IOException {
        assertDocumentsStillValid("field-nullable");
        assertThat(logs.get("field-nullable")).startsWith("FAILED type check")
                .contains("src/main/typescript/driver-app.ts").contains("'node.energyWh' is possibly 'null'");
    }

    @Test
    void anEnumValueAClientHandlesRemovedFailsTheTypeCheckThoughEveryDocumentStaysValid() throws IOException {
        assertDocumentsStillValid("enum-value-removed");
        assertThat(logs.get("enum-value-removed")).startsWith("FAILED type check")
                .contains("src/main/typescript/driver-app.ts").contains("'\"FAILED\"' is not comparable");
    }

    @Test
    void aFieldWhoseTypeChangesFailsTheTypeCheckThoughEveryDocumentStaysValid() throws IOException {
        assertDocumentsStillValid("field-type-changed");
        assertThat(logs.get("field-type-changed")).startsWith("FAILED type check")
                .contains("src/main/typescript/driver-app.ts").contains("Operator '>' cannot be applied to types 'string' and 'number'");
    }

    @Test
    void anInputFieldMadeRequiredFailsTheTypeCheckThoughEveryDocumentStaysValid() throws IOException {
        assertDocumentsStillValid("input-field-required");
        assertThat(logs.get("input-field-required")).startsWith("FAILED type check")
                .contains("src/main/typescript/driver-app.ts").contains("Type 'string | null' is not assignable to type 'string'");
    }

    /** What DocumentsMatchSchemaTest checks, over the changed schema: the change is invisible to it. */
    private static void assertDocumentsStillValid(String name) throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(SCRATCH.resolve(name + "-schema"))) {
            for (Path file : files.sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        try (Stream<Path> documents = Files.walk(DOCUMENTS)) {
            for (Path document : documents.filter(file -> file.toString().endsWith(".graphql")).toList()) {
                assertThat(new Validator().validateDocument(schema, Parser.parse(Files.readString(document)), Locale.ENGLISH))
                        .as(name + ": " + DOCUMENTS.relativize(document)).isEmpty();
            }
        }
    }

    private static void copySchema(Path target, Map<String, UnaryOperator<String>> changes) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(SCHEMA)) {
            for (Path file : files.filter(each -> each.toString().endsWith(".graphqls")).toList()) {
                String sdl = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                Files.writeString(target.resolve(name), changes.getOrDefault(name, UnaryOperator.identity()).apply(sdl));
            }
        }
    }

    /** The change must apply exactly once, so that a schema edit elsewhere cannot quietly turn a case into a no-op. */
    private static String replaceOnce(String sdl, String from, String to) {
        int at = sdl.indexOf(from);
        assertThat(at).as("the schema still contains %s", from.strip()).isNotNegative();
        assertThat(sdl.indexOf(from, at + 1)).as("%s occurs once", from.strip()).isNegative();
        return sdl.substring(0, at) + to + sdl.substring(at + from.length());
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
