package io.arxos.partitions.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A typed Kafka Streams serde for one generated Avro class {@code T} in Confluent's wire format; it always reads
 * into {@code T}, with {@code T}'s schema as the reader schema, so older and newer writers resolve against it.
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final ConfluentAvroSerializer serializer;
    private final ConfluentAvroDeserializer deserializer;

    /** A serde whose registry client comes from {@code schema.registry.url} when {@link #configure} is called. */
    public ConfluentAvroSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = new ConfluentAvroSerializer();
        this.deserializer = new ConfluentAvroDeserializer(null, type);
    }

    /** A serde using {@code client} (e.g. an {@link InMemorySchemaRegistryClient} in tests). */
    public ConfluentAvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = new ConfluentAvroSerializer(Objects.requireNonNull(client, "client"));
        this.deserializer = new ConfluentAvroDeserializer(client, type);
    }

    /** A ready-to-use serde: Kafka Streams does not configure serdes passed to {@code Consumed.with} itself. */
    public static <T extends SpecificRecord> ConfluentAvroSerde<T> of(Class<T> type, Map<String, ?> configs,
            boolean isKey) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                serializer.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, T data) {
                return serializer.serialize(topic, data);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                deserializer.configure(configs, isKey);
            }

            @Override
            public T deserialize(String topic, byte[] data) {
                return type.cast(deserializer.deserialize(topic, data));
            }
        };
    }

    @Override
    public String toString() {
        return "ConfluentAvroSerde<" + type.getName() + ">";
    }
}
