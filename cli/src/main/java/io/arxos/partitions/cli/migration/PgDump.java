package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.run.PostgresAddress;
import io.arxos.partitions.core.TableRef;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs tables up with pg_dump (custom format, restorable with pg_restore) before a migration touches them. The
 * password travels in PGPASSWORD, never on the command line where {@code ps} would show it.
 */
final class PgDump {

    static final String NOT_FOUND = "pg_dump not found; install postgresql-client or omit --backup-file";

    /** How pg_dump ended; its stderr carries server messages, not secrets. */
    record Result(int exitCode, String stderr) {
    }

    private PgDump() {
    }

    /** pg_dump on {@code pathVariable} (the PATH value), if any. */
    static Optional<Path> locate(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "pg_dump");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The command line: connection, then the tables, to {@code file}. */
    static List<String> arguments(Path executable, PostgresAddress address, String user, List<TableRef> tables,
            Path file) {
        List<String> args = new ArrayList<>();
        args.add(executable.toString());
        args.add("--host=" + address.hostList());
        args.add("--port=" + address.portList());
        if (user != null) {
            args.add("--username=" + user);
        }
        if (!address.database().isEmpty()) {
            args.add("--dbname=" + address.database());
        }
        // partctl cannot answer a password prompt: fail instead of hanging
        args.add("--no-password");
        args.add("--format=custom");
        for (TableRef table : tables) {
            args.add("--table=" + table);
        }
        args.add("--file=" + file);
        return args;
    }

    /** Environment additions: the password (when the inventory has one) and the URL's sslmode. */
    static Map<String, String> environment(PostgresAddress address, String password) {
        Map<String, String> env = new HashMap<>();
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        if (address.sslMode() != null) {
            env.put("PGSSLMODE", address.sslMode());
        }
        return env;
    }

    /** Runs pg_dump to the end and returns its exit status and stderr. */
    static Result run(List<String> arguments, Map<String, String> environment) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), stderr.strip());
    }
}
