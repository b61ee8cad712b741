package com.keystone.okr.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependencies of ARCHITECTURE.md, checked on the compiled classes of all four
 * modules: web → reporting → domain ← persistence, web also uses persistence, and persistence
 * implements the reporting engine's snapshot port. The domain depends on nothing of ours and
 * on no server API beyond the JPA and Bean Validation annotations.
 */
class ArchitectureTest {

    private static JavaClasses keystone;

    @BeforeAll
    static void importClasses() {
        keystone = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the other modules' test-jars (shared test helpers) are tests too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.keystone.okr");
    }

    @Test
    void allFourModulesAreImported() {
        for (String pkg : new String[] {"com.keystone.okr.domain", "com.keystone.okr.persistence",
            "com.keystone.okr.reporting", "com.keystone.okr.web"}) {
            if (keystone.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no class imported from " + pkg + ": the rules below would pass vacuously");
            }
        }
    }

    @Test
    void theDomainDependsOnlyOnTheJdkJpaAndBeanValidation() {
        classes().that().resideInAPackage("com.keystone.okr.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "com.keystone.okr.domain..", "java..", "jakarta.persistence..", "jakarta.validation..")
                .check(keystone);
    }

    @Test
    void theReportingEngineDependsOnTheDomainOnly() {
        noClasses().that().resideInAPackage("com.keystone.okr.reporting..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.keystone.okr.persistence..", "com.keystone.okr.web..",
                        "jakarta.persistence..", "jakarta.enterprise..", "jakarta.ws..", "jakarta.faces..", "org.hibernate..")
                .check(keystone);
    }

    @Test
    void persistenceDoesNotDependOnTheWebTier() {
        noClasses().that().resideInAPackage("com.keystone.okr.persistence..")
                .should().dependOnClassesThat().resideInAPackage("com.keystone.okr.web..")
                .check(keystone);
    }

    @Test
    void persistenceUsesOnlyTheSnapshotPortOfTheReportingEngine() {
        noClasses().that().resideInAPackage("com.keystone.okr.persistence..")
                .should().dependOnClassesThat(resideInAPackage("com.keystone.okr.reporting..")
                        .and(resideOutsideOfPackage("com.keystone.okr.reporting.snapshot..")))
                .check(keystone);
    }

    @Test
    void theDomainKnowsNothingOfTheOtherModules() {
        noClasses().that().resideInAPackage("com.keystone.okr.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.keystone.okr.persistence..", "com.keystone.okr.reporting..", "com.keystone.okr.web..")
                .check(keystone);
    }
}
