package io.arxos.partitions.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The house rules of a service ({@code domain}, {@code app}, adapters, {@code config}), shared by every service's
 * {@code ArchitectureTest} so the three cannot drift apart. Each rule's reason says how to fix a violation.
 */
public final class ServiceArchitecture {

    /** Packages of frameworks and I/O that only adapters and the composition root may use. */
    private static final String[] FRAMEWORKS = {"org.apache.kafka..", "io.quarkus..", "org.apache.avro..",
        "io.arxos.partitions.events..", "jakarta..", "io.smallrye..", "io.micrometer..", "org.eclipse.microprofile..",
        "org.flywaydb.."};
    private static final String[] INPUT_OUTPUT = {"java.sql..", "javax.sql..", "java.net..", "java.nio.file..",
        "com.fasterxml.jackson..", "org.jboss.logging.."};
    /** The adapter packages a service may have, besides its composition root. */
    private static final String[] ADAPTERS = {"kafka", "postgres", "http", "files", "json"};
    /** How an adapter's name starts: the technology it speaks (Jdbc…, Kafka…). */
    private static final List<String> TECHNOLOGIES = List.of("Jdbc", "Kafka", "Micrometer", "Http", "Json",
            "File", "Streams");
    private static final Set<String> DRAWERS = Set.of("Manager", "Helper", "Util", "Utils");

    private final String base;
    private final JavaClasses classes;

    private ServiceArchitecture(String base) {
        this.base = base;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    /** The rules for the service whose classes live under {@code basePackage} (e.g. io.arxos.partitions.planner). */
    public static ServiceArchitecture of(String basePackage) {
        return new ServiceArchitecture(basePackage);
    }

    /** The service's main classes (tests excluded), imported once. */
    public JavaClasses serviceClasses() {
        return classes;
    }

    /** domain: rules only; no framework, no I/O, no logging, nothing from the outer layers. */
    public ArchRule domainIsPureLogic() {
        return noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS, INPUT_OUTPUT,
                        layers("app", "config"), adapters()))
                .because("the domain is pure logic: pass time and state in as values, declare the interface it "
                        + "needs (a port) in domain, and read, write, log or map events in an adapter package");
    }

    /** app: use cases call domain logic and ports; no adapter, no framework, no JDBC or Kafka types. */
    public ArchRule useCasesSpeakToPortsOnly() {
        return noClasses().that().resideInAPackage(base + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(FRAMEWORKS,
                        new String[] {"java.sql..", "javax.sql..", "java.nio.file..", "com.fasterxml.jackson.."},
                        layers("config"), adapters()))
                .because("a use case takes domain records and talks to interfaces declared in app or domain: move "
                        + "the JDBC, Kafka, file or JSON code into an adapter that implements such an interface");
    }

    /** Only config (the composition root) and http (served by Quarkus) use CDI, Quarkus or MicroProfile. */
    public ArchRule onlyTheCompositionRootWires() {
        return noClasses().that().resideOutsideOfPackages(base + ".config..", base + ".http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.enterprise..",
                        "jakarta.inject..", "org.eclipse.microprofile..")
                .because("wiring happens in one place: build the object in config (a @Produces method or the "
                        + "application's start-up) and pass it in through the constructor");
    }

    /** No Manager / Helper / Util drawers. */
    public ArchRule noDrawerNames() {
        return classes().should(new ArchCondition<JavaClass>("not be named like a drawer (*Manager, *Helper, *Util)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (String drawer : DRAWERS) {
                    if (item.getSimpleName().endsWith(drawer)) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " is named like a drawer ("
                                + drawer + "): name it after the one thing it does, or move its parts to the types "
                                + "they belong to"));
                    }
                }
            }
        }).allowEmptyShould(true);
    }

    /** An adapter implementing a port of domain or app is named technology + role (JdbcLedger, KafkaRunPublisher). */
    public ArchRule adaptersAreNamedAfterTheirTechnology() {
        DescribedPredicate<JavaClass> implementsPort = new DescribedPredicate<>("implement a port of domain or app") {
            @Override
            public boolean test(JavaClass c) {
                return !c.isInterface() && c.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName()
                        .startsWith(base + ".domain") || i.getPackageName().startsWith(base + ".app"));
            }
        };
        return classes().that().resideInAnyPackage(adapters()).and(implementsPort).and().areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("be named technology + role") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (TECHNOLOGIES.stream().noneMatch(item.getSimpleName()::startsWith)) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " implements a port but"
                                    + " its name does not say the technology: call it " + TECHNOLOGIES + " + role,"
                                    + " e.g. JdbcPartitionCatalog, KafkaRunPublisher"));
                        }
                    }
                }).allowEmptyShould(true);
    }

    /** A feature's room (…maintenance, …analysis, …migration, …benchmark) uses the shared mechanism, not another room. */
    public ArchRule featuresDoNotReachIntoEachOther() {
        List<String> features = List.of("maintenance", "analysis", "migration", "benchmark");
        return classes().should(new ArchCondition<JavaClass>("not depend on another feature's classes") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = feature(item.getPackageName(), features);
                if (own == null) {
                    return;
                }
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    String target = d.getTargetClass().getPackageName();
                    String other = target.startsWith(base) ? feature(target, features) : null;
                    if (other != null && !other.equals(own)) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " (" + own + ") uses "
                                + d.getTargetClass().getName() + " (" + other + "): move what both need next to the "
                                + "shared mechanism (the layer's top package) instead"));
                    }
                });
            }
        });
    }

    private String feature(String packageName, List<String> features) {
        for (String f : features) {
            if (packageName.contains("." + f)) {
                return f;
            }
        }
        return null;
    }

    private String[] layers(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = base + "." + names[i] + "..";
        }
        return packages;
    }

    private String[] adapters() {
        return layers(ADAPTERS);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
