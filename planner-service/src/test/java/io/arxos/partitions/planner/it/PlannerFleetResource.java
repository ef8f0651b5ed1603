package io.arxos.partitions.planner.it;

import io.arxos.partitions.testing.TestFleet;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real fleet for the planner, plus a second inventory database that is down, to prove isolation. */
public class PlannerFleetResource implements QuarkusTestResourceLifecycleManager {

    static TestFleet fleet;

    @Override
    public Map<String, String> start() {
        fleet = TestFleet.start(Path.of("target", "planner-it"), 20, 5000);
        Path inventory = Path.of("target", "planner-it", "fleet-with-offline.yaml").toAbsolutePath();
        try {
            String offline = """
                      - id: offline
                        url: jdbc:postgresql://127.0.0.1:1/arxos
                        user: partman
                        tables:
                          - { name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }
                    """;
            Files.writeString(inventory, Files.readString(fleet.inventory()) + offline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(fleet.clientConfig());
        config.put("planner.inventory", inventory.toString());
        return config;
    }

    @Override
    public void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }
}
