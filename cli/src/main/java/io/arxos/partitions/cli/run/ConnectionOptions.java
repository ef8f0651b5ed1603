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
            defaultValue = "${env:PARTCTL_INVENTORY:-config/fleet.yaml}",
            description = "Fleet inventory YAML (env PARTCTL_INVENTORY; default ${DEFAULT-VALUE}).")
    Path inventory;

    /** The fleet inventory file. */
    public Path inventory() {
        return inventory;
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
