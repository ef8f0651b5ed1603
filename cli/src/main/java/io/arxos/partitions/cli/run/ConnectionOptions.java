package io.arxos.partitions.cli.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where Kafka, the registry and the inventory are; environment variables give the defaults. */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081/apis/ccompat/v7}",
            description = "Confluent-compatible schema registry (env SCHEMA_REGISTRY_URL; default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Fleet inventory YAML (env PARTCTL_INVENTORY; default config/fleet.yaml).")
    Path inventory;

    /** The fleet inventory file. */
    public Path inventory() {
        if (inventory != null) {
            return inventory;
        }
        String env = System.getenv("PARTCTL_INVENTORY");
        return Path.of(env == null || env.isBlank() ? "config/fleet.yaml" : env);
    }

    /**
     * An inventory named with {@code --inventory} or {@code PARTCTL_INVENTORY} must exist and parse, even for a
     * command that does not otherwise read it: a typo must not silently turn into a pass over the whole fleet.
     *
     * @throws io.arxos.partitions.inventory.InventoryException naming the file and what is wrong
     */
    public void checkNamedInventory() {
        String env = System.getenv("PARTCTL_INVENTORY");
        if (inventory != null || (env != null && !env.isBlank())) {
            new io.arxos.partitions.inventory.InventoryLoader().load(inventory());
        }
    }

    /** Client settings with Confluent's property names; basic auth from SCHEMA_REGISTRY_USER_INFO when set. */
    public Map<String, String> clientConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", registryUrl);
        String userInfo = System.getenv("SCHEMA_REGISTRY_USER_INFO");
        if (userInfo != null && !userInfo.isBlank()) {
            config.put("basic.auth.credentials.source", "USER_INFO");
            config.put("basic.auth.user.info", userInfo);
        }
        return config;
    }
}
