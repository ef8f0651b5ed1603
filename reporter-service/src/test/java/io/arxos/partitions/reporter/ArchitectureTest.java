package io.arxos.partitions.reporter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arxos.partitions.reporter");

    @Test
    void domainStaysFreeOfKafkaQuarkusAndAvro() {
        noClasses().that().resideInAPackage("..reporter.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..",
                        "org.apache.avro..", "io.arxos.partitions.events..", "jakarta..", "io.smallrye..",
                        "..reporter.app..", "..reporter.kafka..", "..reporter.http..", "..reporter.config..")
                .because("the domain is pure logic: map Avro to domain records in the kafka package")
                .check(CLASSES);
    }

    @Test
    void useCasesDoNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..reporter.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.quarkus..",
                        "org.apache.avro..", "io.arxos.partitions.events..", "..reporter.kafka..",
                        "..reporter.http..")
                .because("use cases take domain records; adapters call them, not the other way round")
                .check(CLASSES);
    }
}
