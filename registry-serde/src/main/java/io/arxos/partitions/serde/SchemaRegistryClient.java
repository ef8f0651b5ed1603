package io.arxos.partitions.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serdes need; method names follow Confluent's
 * {@code SchemaRegistryClient} so code reads the same with either library.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} if it is already registered under {@code subject}, without registering.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} when it is not
     */
    int getId(String subject, Schema schema);

    /** Returns the schema with global id {@code id}. */
    Schema getSchemaById(int id);

    /** Returns the latest version registered under {@code subject}. */
    RegisteredSchema getLatestSchemaMetadata(String subject);

    /** Lists all subjects. */
    List<String> getAllSubjects();

    /** Sets the subject's compatibility level (e.g. {@code BACKWARD}) and returns the level now in force. */
    String updateCompatibility(String subject, String compatibility);

    /** Returns the compatibility level in force for the subject (the global one if it has none of its own). */
    String getCompatibility(String subject);

    /**
     * The client for a parsed configuration: {@code mock://scope} URLs give the shared in-memory registry of that
     * scope (as Confluent's serdes do, for tests without a registry); anything else the REST client.
     */
    static SchemaRegistryClient fromConfig(AvroSerdeConfig config) {
        RegistryEndpoint first = config.endpoints().get(0);
        if (InMemorySchemaRegistryClient.MOCK_SCHEME.equals(first.baseUri().getScheme())) {
            return InMemorySchemaRegistryClient.forScope(first.baseUri().getAuthority());
        }
        return new RestSchemaRegistryClient(config);
    }
}
