package io.arxos.partitions.executor.it;

import io.arxos.partitions.testing.TestFleet;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts a real fleet (Kafka, schema registry, PostgreSQL with the sample database) for the executor under test. */
public class FleetResource implements QuarkusTestResourceLifecycleManager {

    static TestFleet fleet;

    @Override
    public Map<String, String> start() {
        fleet = TestFleet.start(Path.of("target", "executor-it"), 20);
        Map<String, String> config = new HashMap<>(fleet.clientConfig());
        config.put("executor.inventory", fleet.inventory().toAbsolutePath().toString());
        config.put("executor.retry.max-attempts", "4");
        config.put("executor.retry.initial-backoff", "PT0.5S");
        config.put("executor.retry.max-backoff", "PT2S");
        config.put("executor.long-transaction", "PT0.3S");
        // one worker: a table backing off must not hold it, or the other tables' commands would wait
        config.put("executor.workers", "1");
        return config;
    }

    @Override
    public void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }
}
