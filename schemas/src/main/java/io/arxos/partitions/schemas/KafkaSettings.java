package io.arxos.partitions.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka and schema-registry client settings for every service and the CLI. Configuration keys keep their native
 * names: {@code kafka.*} is passed to Kafka clients without the prefix (so {@code kafka.security.protocol} works),
 * and Confluent's registry keys ({@code schema.registry.url}, {@code basic.auth.*}, …) go to the serde as they are.
 */
public final class KafkaSettings {

    private static final Set<String> REGISTRY_KEYS = Set.of("schema.registry.url", "auto.register.schemas",
            "use.latest.version", "basic.auth.credentials.source", "basic.auth.user.info",
            "schema.registry.request.timeout.ms", "value.subject.name.strategy", "key.subject.name.strategy");

    private final Map<String, Object> kafka;
    private final Map<String, Object> registry;

    private KafkaSettings(Map<String, Object> kafka, Map<String, Object> registry) {
        this.kafka = Map.copyOf(kafka);
        this.registry = Map.copyOf(registry);
    }

    /** Splits flat configuration ({@code kafka.bootstrap.servers}, {@code schema.registry.url}, …). */
    public static KafkaSettings from(Map<String, String> flat) {
        Map<String, Object> kafka = new HashMap<>();
        Map<String, Object> registry = new HashMap<>();
        flat.forEach((key, value) -> {
            if (key.startsWith("kafka.")) {
                kafka.put(key.substring("kafka.".length()), value);
            } else if (REGISTRY_KEYS.contains(key)) {
                registry.put(key, value);
            }
        });
        if (!kafka.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("kafka.bootstrap.servers is not configured");
        }
        if (!registry.containsKey("schema.registry.url")) {
            throw new IllegalArgumentException("schema.registry.url is not configured");
        }
        return new KafkaSettings(kafka, registry);
    }

    /**
     * Reads settings from a configuration source: every known name under {@code kafka.} plus the registry keys.
     * The essential keys are also looked up by name, so sources that cannot list names (environment variables such
     * as {@code KAFKA_BOOTSTRAP_SERVERS}) still work.
     */
    public static KafkaSettings from(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, String> flat = new HashMap<>();
        for (String name : names) {
            if (name.startsWith("kafka.") || REGISTRY_KEYS.contains(name)) {
                lookup.apply(name).ifPresent(v -> flat.put(name, v));
            }
        }
        for (String name : REGISTRY_KEYS) {
            lookup.apply(name).ifPresent(v -> flat.putIfAbsent(name, v));
        }
        lookup.apply("kafka.bootstrap.servers").ifPresent(v -> flat.putIfAbsent("kafka.bootstrap.servers", v));
        return from(flat);
    }

    public static KafkaSettings of(String bootstrapServers, String registryUrl) {
        return from(Map.of("kafka.bootstrap.servers", bootstrapServers, "schema.registry.url", registryUrl));
    }

    public String bootstrapServers() {
        return (String) kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** Settings for the Avro serde (Confluent property names). */
    public Map<String, Object> registry() {
        return registry;
    }

    public Map<String, Object> admin() {
        return new HashMap<>(kafka);
    }

    /** An idempotent producer that waits for all in-sync replicas. */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        return props;
    }

    /** A transactional producer: everything sent between begin and commit becomes visible at once. */
    public Map<String, Object> transactionalProducer(String transactionalId) {
        Map<String, Object> props = producer(transactionalId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return props;
    }

    /** A consumer that reads only committed records and commits offsets itself. */
    public Map<String, Object> consumer(String groupId, String clientId) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a read_committed fetch waiting for data may not see a transaction that commits meanwhile until it times
        // out: 500 ms by default, paid at every hop of a run (request, commands, outcomes, report)
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return props;
    }
}
