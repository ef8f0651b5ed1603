package io.arxos.partitions.schemas;

import io.arxos.partitions.serde.AvroSerdeConfig;
import io.arxos.partitions.serde.RestSchemaRegistryClient;
import io.arxos.partitions.serde.SchemaGovernance;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The value subject of every topic in the catalogue ({@code <topic>-value}) with its current schema, put under the
 * registry's compatibility check at a service's start (see {@link SchemaGovernance}).
 */
public final class SchemaSubjects {

    private SchemaSubjects() {
    }

    /** Every topic's value subject and schema. */
    public static Map<String, Schema> all() {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        for (TopicSpec<?> topic : Topics.ALL) {
            subjects.put(topic.name() + "-value", SpecificData.get().getSchema(topic.valueType()));
        }
        return subjects;
    }

    /**
     * Registers the subjects, raises weak compatibility levels to BACKWARD and checks that the registry enforces
     * them; throws {@link IllegalStateException} when it does not.
     */
    public static void govern(KafkaSettings settings) {
        AvroSerdeConfig config = AvroSerdeConfig.parse(settings.registry());
        SchemaGovernance.enforce(new RestSchemaRegistryClient(config), all(),
                String.valueOf(settings.registry().get(AvroSerdeConfig.SCHEMA_REGISTRY_URL)));
    }
}
