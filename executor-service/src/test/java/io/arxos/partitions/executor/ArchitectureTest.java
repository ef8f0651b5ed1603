package io.arxos.partitions.executor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layers honest: pure domain, use cases that know only ports, adapters at the edge. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arxos.partitions.executor");

    @Test
    void domainStaysFreeOfFrameworksAndInputOutput() {
        noClasses().that().resideInAPackage("..executor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..",
                        "org.apache.avro..", "io.arxos.partitions.events..", "jakarta..", "io.smallrye..",
                        "java.sql..", "org.flywaydb..", "org.jboss.logging..", "..executor.app..", "..executor.kafka..",
                        "..executor.postgres..", "..executor.config..")
                .because("the domain is pure rules: pass time and state in, and map events and rows in the adapters")
                .check(CLASSES);
    }

    @Test
    void useCasesDoNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..executor.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..",
                        "org.apache.avro..", "io.arxos.partitions.events..", "java.sql..", "..executor.kafka..",
                        "..executor.postgres..", "..executor.config..")
                .because("use cases speak to ports (interfaces in app or domain); adapters implement them")
                .check(CLASSES);
    }
}
