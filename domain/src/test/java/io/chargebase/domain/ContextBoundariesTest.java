package io.chargebase.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The domain's contexts as the architecture draws them: no cycle between contexts, counting both Java dependencies
 * and the tables a context's SQL reads or writes (a table belongs to the context whose changelog creates it); the
 * pure code (rating, money, tariff selection's decision, the session states) free of Spring, JDBC and Jackson. Which classes may reach an {@code internal} package, and where OCPP
 * types may go, is checked across modules by the api module's {@code ModuleBoundariesTest}.
 */
class ContextBoundariesTest {

    private static final String DOMAIN = "io.chargebase.domain";
    private static final Path SOURCES = Path.of("src/main/java/io/chargebase/domain");
    private static final Path CHANGELOGS = Path.of("src/main/resources/db/changelog");

    /** Frameworks and wire formats that pure code does without. */
    static final String[] IMPURE = {"org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.jackson.."};

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DOMAIN);

    @Test
    void contextsDependOnEachOtherWithoutCyclesInJava() {
        slices().matching(DOMAIN + ".(*)..").namingSlices("context $1").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void contextsDependOnEachOtherWithoutCyclesCountingTheTablesTheirSqlUses() {
        Map<String, Set<String>> edges = javaDependencies(CLASSES);
        sqlDependencies().forEach((from, to) -> edges.computeIfAbsent(from, key -> new TreeSet<>()).addAll(to));
        assertThat(cycle(edges)).as("a cycle between contexts (Java dependencies and tables read in SQL): %s", edges).isEmpty();
    }

    @Test
    void ratingIsPure() {
        noClasses().that().resideInAPackage(DOMAIN + ".rating..").and().resideOutsideOfPackage(DOMAIN + ".rating.json..")
                .should().dependOnClassesThat().resideInAnyPackage(IMPURE)
                .because("the rating engine is plain Java over records; OCPI JSON is read and written in rating.json")
                .check(CLASSES);
    }

    @Test
    void moneyIsPure() {
        noClasses().that().resideInAPackage(DOMAIN + ".money..").should().dependOnClassesThat().resideInAnyPackage(IMPURE).check(CLASSES);
    }

    @Test
    void tariffSelectionDecidesInPureCode() {
        noClasses().that().haveNameMatching(java.util.regex.Pattern.quote(DOMAIN + ".tariffs.SelectionDecision") + "(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage(IMPURE)
                .orShould().dependOnClassesThat().resideInAPackage("..internal..")
                .because("selection reads its snapshot first and then decides without the database")
                .check(CLASSES);
    }

    @Test
    void sessionStatesDecideInPureCode() {
        noClasses().that().resideInAPackage(DOMAIN + ".charging.lifecycle..")
                .should().dependOnClassesThat().resideInAnyPackage(IMPURE)
                .orShould().dependOnClassesThat().resideInAPackage("..internal..")
                .because("the session lifecycle loads a state, the state decides without the database, the repository saves")
                .check(CLASSES);
    }

    @Test
    void theSqlScanSeesTheTablesOfOtherContexts() {
        // guards the scan itself: tariff selection reads the EVSE and profile facts that assets and organisation own
        assertThat(sqlDependencies().get("tariffs")).contains("assets", "organisation");
    }

    // ---- Java dependencies between contexts

    static Map<String, Set<String>> javaDependencies(JavaClasses classes) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass origin : classes) {
            String from = context(origin.getPackageName());
            if (from == null) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = context(dependency.getTargetClass().getPackageName());
                if (to != null && !to.equals(from)) {
                    edges.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
                }
            }
        }
        return edges;
    }

    /** The context of a package below io.chargebase.domain; null for the shared root package and anything else. */
    static String context(String packageName) {
        if (!packageName.startsWith(DOMAIN + ".")) {
            return null;
        }
        String rest = packageName.substring(DOMAIN.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    // ---- Tables a context's SQL uses

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern STRING = Pattern.compile("\"\"\"([\\s\\S]*?)\"\"\"|\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Pattern TABLE_USE = Pattern.compile("(?i)\\b(?:from|join|into|update|exists\\s*\\(\\s*select\\s+1\\s+from)\\s+([a-z_][a-z0-9_]*)");

    /** For each context, the other contexts whose tables the string literals of its sources name in SQL. */
    static Map<String, Set<String>> sqlDependencies() {
        Map<String, String> owners = tableOwners();
        Map<String, Set<String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Matcher literal = STRING.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher use = TABLE_USE.matcher(text);
                    while (use.find()) {
                        String owner = owners.get(use.group(1).toLowerCase(java.util.Locale.ROOT));
                        if (owner != null && !owner.equals(from)) {
                            edges.computeIfAbsent(from, key -> new TreeSet<>()).add(owner);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return edges;
    }

    /** Table name → the context whose changelog folder creates it. */
    static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CHANGELOGS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String context = CHANGELOGS.relativize(file).getName(0).toString();
                Matcher create = CREATE_TABLE.matcher(Files.readString(file));
                while (create.find()) {
                    owners.put(create.group(1).toLowerCase(java.util.Locale.ROOT), context);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(owners).as("tables created by the domain's changelogs").containsKeys("msp_cdr", "app_user", "tariff");
        return owners;
    }

    // ---- Cycle search

    /** One cycle of the graph as the list of its nodes (first repeated last), or empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> edges) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : edges.keySet()) {
            List<String> found = visit(start, edges, state, new ArrayList<>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return List.of();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, edges, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
