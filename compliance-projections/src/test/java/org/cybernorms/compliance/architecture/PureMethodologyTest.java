package org.cybernorms.compliance.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The scoring methodology is a pure function: no framework inside, so replays, tests and historians can reuse it. */
class PureMethodologyTest {

    @Test
    void methodologyDependsOnNoFramework() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cybernorms.compliance.scorecard.methodology");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "com.fasterxml..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void treatyStatusDependsOnNoFramework() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cybernorms.compliance.treaty");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "com.fasterxml..", "org.hibernate..")
                .check(classes);
    }
}
