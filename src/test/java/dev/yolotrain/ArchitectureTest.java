package dev.yolotrain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine runs as a plain CLI (and in a child JVM per job): it must not depend on the service. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.yolotrain");

    @Test
    void engineDoesNotUseSpring() {
        noClasses().that().resideInAPackage("dev.yolotrain.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void engineDoesNotUseTheService() {
        noClasses().that().resideInAPackage("dev.yolotrain.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.yolotrain.service..")
                .check(classes);
    }
}
