package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.testing.SchemaRegistryProcess;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compatibility governance against a real registry (Apicurio's Confluent-compatible API). */
class SchemaGovernanceIT {

    private static SchemaRegistryProcess registry;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryProcess.start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void afterEnforcementAnIncompatibleSchemaIsRefused() {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
        String subject = "orders-" + UUID.randomUUID() + "-value";
        client.register(subject, Samples.SAMPLE_V1);
        client.updateCompatibility(subject, "NONE");

        SchemaGovernance.enforce(client, Map.of(subject, Samples.SAMPLE_V1), registry.url());

        assertThat(client.getCompatibility(subject)).isEqualTo("BACKWARD");
        assertThatThrownBy(() -> client.register(subject, SchemaGovernance.PROBE_V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
        // and a compatible evolution still goes through
        assertThat(client.register(subject, Samples.SAMPLE_V2)).isPositive();
    }

    @Test
    void aSecondStartFindsEverythingInPlace() {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
        SchemaGovernance.enforce(client, Map.of(), registry.url());
        SchemaGovernance.enforce(RestSchemaRegistryClient.forUrl(registry.url()), Map.of(), registry.url());

        assertThat(client.getCompatibility(SchemaGovernance.PROBE_SUBJECT)).isEqualTo("BACKWARD");
    }

    @Test
    void aRegistryThatDoesNotEnforceCompatibilityIsRefused() {
        assertThatThrownBy(() -> SchemaGovernance.enforce(new InMemorySchemaRegistryClient(), Map.of(),
                "mock://lenient")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the schema registry at mock://lenient accepted an incompatible schema");
    }
}
