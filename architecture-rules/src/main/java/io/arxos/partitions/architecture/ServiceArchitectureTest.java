package io.arxos.partitions.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The house rules as tests: a service's {@code ArchitectureTest} extends this and names its base package, so every
 * service checks the same rules, one test per rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private ServiceArchitecture rules;

    /** The service's base package, e.g. {@code io.arxos.partitions.planner}. */
    protected abstract String basePackage();

    private ServiceArchitecture rules() {
        if (rules == null) {
            rules = ServiceArchitecture.of(basePackage());
        }
        return rules;
    }

    @Test
    void domainIsPureLogic() {
        rules().domainIsPureLogic().check(rules().serviceClasses());
    }

    @Test
    void useCasesSpeakToPortsOnly() {
        rules().useCasesSpeakToPortsOnly().check(rules().serviceClasses());
    }

    @Test
    void onlyTheCompositionRootWires() {
        rules().onlyTheCompositionRootWires().check(rules().serviceClasses());
    }

    @Test
    void noClassIsNamedLikeADrawer() {
        rules().noDrawerNames().check(rules().serviceClasses());
    }

    @Test
    void adaptersAreNamedAfterTheirTechnology() {
        rules().adaptersAreNamedAfterTheirTechnology().check(rules().serviceClasses());
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        rules().featuresDoNotReachIntoEachOther().check(rules().serviceClasses());
    }
}
