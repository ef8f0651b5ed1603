package io.arxos.partitions.reporter;

import io.arxos.partitions.testing.KafkaTestBroker;
import io.arxos.partitions.testing.SchemaRegistryProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A real in-process Kafka broker and a real schema registry child process, started side by side. */
public class KafkaAndRegistryResource implements QuarkusTestResourceLifecycleManager {

    private KafkaTestBroker broker;
    private SchemaRegistryProcess registry;

    @Override
    public Map<String, String> start() {
        CompletableFuture<SchemaRegistryProcess> registryStart = CompletableFuture.supplyAsync(
                SchemaRegistryProcess::start);
        broker = KafkaTestBroker.start();
        registry = registryStart.join();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "schema.registry.url", registry.url());
    }

    @Override
    public void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
