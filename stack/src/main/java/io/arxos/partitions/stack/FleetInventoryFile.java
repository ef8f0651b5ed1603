package io.arxos.partitions.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The inventory of a benchmark fleet: every database on one server with the same tables (premake 3, retention 24
 * months, so nothing is expired), the password in a file next to it.
 */
final class FleetInventoryFile {

    private FleetInventoryFile() {
    }

    static Path write(Path file, SystemPostgres postgres, List<String> databases, List<String> tables,
            String password, Path secretsDir) {
        Path secret = secretsDir.resolve("bench.password");
        BenchmarkCluster.writeSecret(secret, password);
        StringBuilder yaml = new StringBuilder("""
                defaults: { interval: monthly, premake: 3, retentionMonths: 24, retentionAction: drop }
                databases:
                """);
        for (String db : databases) {
            yaml.append("  - id: ").append(db).append('\n')
                    .append("    url: ").append(postgres.jdbcUrl(db)).append('\n')
                    .append("    user: ").append(BenchmarkCluster.ROLE).append('\n')
                    .append("    password: { file: ").append(secret.toAbsolutePath()).append(" }\n")
                    .append("    tables:\n");
            for (String table : tables) {
                yaml.append("      - { name: public.").append(table).append(", partitionKey: created_at }\n");
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
