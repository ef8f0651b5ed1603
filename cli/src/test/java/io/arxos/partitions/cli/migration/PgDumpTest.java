package io.arxos.partitions.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.cli.run.PostgresAddress;
import io.arxos.partitions.core.TableRef;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PgDumpTest {

    @TempDir
    Path dir;

    @Test
    void dumpsTheTablesInCustomFormatWithConnectionFromTheInventoryUrl() {
        PostgresAddress address = PostgresAddress.parse("jdbc:postgresql://db1:6432/arxos?sslmode=require");

        List<String> args = PgDump.arguments(Path.of("/usr/bin/pg_dump"), address, "partman",
                List.of(TableRef.parse("public.audit_logs_legacy")), Path.of("backup.dump"));

        assertThat(args).containsExactly("/usr/bin/pg_dump", "--host=db1", "--port=6432", "--username=partman",
                "--dbname=arxos", "--no-password", "--format=custom", "--table=public.audit_logs_legacy",
                "--file=backup.dump");
    }

    @Test
    void thePasswordTravelsInTheEnvironmentNeverInTheArguments() {
        PostgresAddress address = PostgresAddress.parse("jdbc:postgresql://db1/arxos?sslmode=verify-full");

        List<String> args = PgDump.arguments(Path.of("pg_dump"), address, "partman",
                List.of(TableRef.parse("public.t")), Path.of("b.dump"));
        Map<String, String> env = PgDump.environment(address, "s3cret");

        assertThat(String.join(" ", args)).doesNotContain("s3cret");
        assertThat(env).containsEntry("PGPASSWORD", "s3cret").containsEntry("PGSSLMODE", "verify-full");
        assertThat(PgDump.environment(PostgresAddress.parse("jdbc:postgresql://db1/arxos"), null)).isEmpty();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void isFoundOnThePathOnlyWhenExecutable() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        String path = empty + File.pathSeparator + bin;

        assertThat(PgDump.locate(path)).isEmpty();
        Path pgDump = script(bin, "exit 0");
        assertThat(PgDump.locate(path)).contains(pgDump);
        assertThat(PgDump.locate(null)).isEmpty();
        assertThat(PgDump.NOT_FOUND).isEqualTo("pg_dump not found; install postgresql-client or omit --backup-file");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void reportsPgDumpsExitStatusAndStderr() throws Exception {
        Path pgDump = script(dir, "[ \"$PGPASSWORD\" = s3cret ] || exit 9\n"
                + "echo 'pg_dump: error: aborting because of server version mismatch' >&2\nexit 1");

        PgDump.Result result = PgDump.run(List.of(pgDump.toString(), "--format=custom"),
                Map.of("PGPASSWORD", "s3cret"));

        assertThat(result).isEqualTo(new PgDump.Result(1,
                "pg_dump: error: aborting because of server version mismatch"));
    }

    private static Path script(Path dir, String body) throws IOException {
        Path file = dir.resolve("pg_dump");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
