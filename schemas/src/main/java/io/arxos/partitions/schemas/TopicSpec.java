package io.arxos.partitions.schemas;

import io.arxos.partitions.serde.ConfluentAvroSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalogue: its name, what its string key is, the Avro value type and its default layout.
 *
 * @param retention how long records are kept; {@code null} keeps them forever (audit-trail topics)
 * @param maxMessageBytes the topic's max.message.bytes; 0 keeps the broker's default (1 MB)
 */
public record TopicSpec<V extends SpecificRecord>(
        String name, String keyDescription, Class<V> valueType, int partitions, Duration retention,
        int maxMessageBytes) {

    public TopicSpec(String name, String keyDescription, Class<V> valueType, int partitions, Duration retention) {
        this(name, keyDescription, valueType, partitions, retention, 0);
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
    }

    /** Keys are plain UTF-8 strings everywhere, so any client (kcat included) can read and filter them. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** A Confluent-wire-format Avro serde for the value, configured with Confluent property names. */
    public Serde<V> valueSerde(Map<String, ?> registryConfig) {
        Serde<V> serde = new ConfluentAvroSerde<>(valueType);
        serde.configure(registryConfig, false);
        return serde;
    }

    /** The topic as the Admin client creates it; {@code retentionOverride} replaces the default when not null. */
    public NewTopic newTopic(short replicationFactor, Duration retentionOverride) {
        Duration effective = retentionOverride != null ? retentionOverride : retention;
        String retentionMs = effective == null ? "-1" : Long.toString(effective.toMillis());
        Map<String, String> configs = new java.util.HashMap<>(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs));
        if (maxMessageBytes > 0) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes));
        }
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
