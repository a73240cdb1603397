package io.chargebase.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries between modules and contexts that the compiler does not keep: an {@code internal} package is
 * reached only from inside its own context, and OCPP's wire types stay in the adapter and the api's OCPP transport.
 * The domain's own rules (contexts acyclic, counting SQL; pure packages) are the domain module's
 * {@code ContextBoundariesTest}.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chargebase");

    @Test
    void internalPackagesAreReachedOnlyFromTheirOwnContext() {
        classes().that().resideInAPackage("io.chargebase..").should(reachInternalPackagesOnlyOfTheirOwnContext()).check(CLASSES);
    }

    @Test
    void ocppTypesStayInTheAdapterAndTheTransport() {
        noClasses().that().resideOutsideOfPackages("io.chargebase.ocpp..", "io.chargebase.api.ocpp..")
                .should().dependOnClassesThat().resideInAPackage("io.chargebase.ocpp..")
                .because("the domain speaks a version-neutral charger port; one package per OCPP version maps it to the wire")
                .check(CLASSES);
    }

    @Test
    void modulesDependDownwardOnly() {
        noClasses().that().resideInAPackage("io.chargebase.tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.chargebase.domain..", "io.chargebase.ocpp..", "io.chargebase.api..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.chargebase.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.chargebase.ocpp..", "io.chargebase.api..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.chargebase.ocpp..")
                .should().dependOnClassesThat().resideInAPackage("io.chargebase.api..")
                .check(CLASSES);
    }

    /** A dependency on {@code a.b.internal..} is allowed only from {@code a.b..}, the context that owns it. */
    private static ArchCondition<JavaClass> reachInternalPackagesOnlyOfTheirOwnContext() {
        return new ArchCondition<>("reach internal packages only of their own context") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = (target + ".").indexOf(".internal.");
                    if (internal < 0 || !target.startsWith("io.chargebase.")) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    String from = origin.getPackageName();
                    if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": " + owner + ".internal is private to " + owner + "; go through its public face"));
                    }
                }
            }
        };
    }
}
