package fr.marelle.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A service's code depends on its own packages, the platform, the published contracts and libraries: never on
 * another service's implementation.
 */
public final class ServiceBoundaries {

    private ServiceBoundaries() {
    }

    public static void check(String servicePackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        if (imported.isEmpty()) {
            throw new AssertionError("No classes found in " + servicePackage);
        }
        noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(resideInAPackage("fr.marelle..")
                        .and(not(resideInAnyPackage(servicePackage + "..", "fr.marelle.platform..",
                                "fr.marelle.contracts.."))))
                .because("a service learns from published events and HTTP APIs, never from another service's code")
                .check(imported);
    }
}
