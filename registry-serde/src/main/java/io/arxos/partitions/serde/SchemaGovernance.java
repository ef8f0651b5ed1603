package io.arxos.partitions.serde;

import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Keeps the registry's compatibility check on for the project's subjects: each subject gets its schema registered
 * and a level of BACKWARD or stricter (a weaker one is raised to BACKWARD), and the registry must prove that it
 * enforces the level, by refusing an incompatible second version under a probe subject. A registry that accepts it
 * (compatibility NONE everywhere, or a registry that ignores levels) would let any producer break every consumer of
 * the audit trail, so the service refuses to start against it.
 */
public final class SchemaGovernance {

    /** The level set where a subject has a weaker one. */
    public static final String LEVEL = "BACKWARD";
    /** Levels that keep old data readable by new readers. */
    static final Set<String> ENOUGH = Set.of("BACKWARD", "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");
    /** The subject the probe registers under; it holds nothing else. */
    public static final String PROBE_SUBJECT = "partitions.governance-probe-value";

    static final Schema PROBE_V1 = SchemaBuilder.record("GovernanceProbe").namespace("io.arxos.partitions.probe")
            .doc("Registered by the services at start-up to check that the registry enforces compatibility.")
            .fields().requiredInt("value").endRecord();
    /** Incompatible with v1 under BACKWARD: the field's type changes from int to string. */
    static final Schema PROBE_V2 = SchemaBuilder.record("GovernanceProbe").namespace("io.arxos.partitions.probe")
            .doc("Registered by the services at start-up to check that the registry enforces compatibility.")
            .fields().requiredString("value").endRecord();

    private SchemaGovernance() {
    }

    /**
     * @param subjects each subject with the schema this service writes or reads there
     * @throws IllegalStateException when the registry accepts an incompatible schema, naming the registry
     */
    public static void enforce(SchemaRegistryClient client, Map<String, Schema> subjects, String registryName) {
        for (Map.Entry<String, Schema> subject : subjects.entrySet()) {
            patiently(() -> client.register(subject.getKey(), subject.getValue()));
            patiently(() -> raise(client, subject.getKey()));
        }
        patiently(() -> client.register(PROBE_SUBJECT, PROBE_V1));
        patiently(() -> raise(client, PROBE_SUBJECT));
        try {
            patiently(() -> client.register(PROBE_SUBJECT, PROBE_V2));
        } catch (SchemaRegistryException e) {
            if (e.status() == 409 || e.status() == 422) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("the schema registry at " + registryName + " accepted an incompatible schema"
                + " under " + LEVEL + " compatibility (subject " + PROBE_SUBJECT + "): it does not enforce"
                + " compatibility, so any producer could break the audit trail's consumers; refusing to start. Use a"
                + " registry that checks compatibility (Confluent Schema Registry, Apicurio with its ccompat API)");
    }

    /**
     * Services start together and register the same subjects at once; registries backed by a database answer such
     * races with HTTP 5xx or 409 "already exists", a registry still starting with no answer: try again for up to
     * about a minute.
     */
    private static <T> T patiently(java.util.function.Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (SchemaRegistryException e) {
                // Apicurio answers a race to create the same new subject with 409 "already exists"
                boolean transient_ = e.status() == 0 || e.status() >= 500 || (e.status() == 409
                        && String.valueOf(e.getMessage()).contains("already exists"));
                if (!transient_ || attempt >= 60) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(1000, 100L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean raise(SchemaRegistryClient client, String subject) {
        String level;
        try {
            level = client.getCompatibility(subject);
        } catch (SchemaRegistryException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            level = "NONE";
        }
        if (level == null || !ENOUGH.contains(level.toUpperCase(java.util.Locale.ROOT))) {
            client.updateCompatibility(subject, LEVEL);
            return true;
        }
        return false;
    }
}
