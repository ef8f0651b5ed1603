package io.arxos.partitions.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layers honest: pure domain, use cases that know only ports, adapters at the edge. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arxos.partitions.planner");

    @Test
    void domainStaysFreeOfFrameworksAndInputOutput() {
        noClasses().that().resideInAPackage("..planner.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..",
                        "org.apache.avro..", "io.arxos.partitions.events..", "jakarta..", "io.smallrye..",
                        "java.sql..", "org.flywaydb..", "org.jboss.logging..", "..planner.app..", "..planner.kafka..",
                        "..planner.postgres..", "..planner.config..")
                .because("the domain is pure rules: pass time and state in, and map events and rows in the adapters")
                .check(CLASSES);
    }

    @Test
    void useCasesDoNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..planner.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..",
                        "org.apache.avro..", "io.arxos.partitions.events..", "java.sql..", "..planner.kafka..",
                        "..planner.postgres..", "..planner.config..")
                .because("use cases speak to ports (interfaces in app or domain); adapters implement them")
                .check(CLASSES);
    }
}
