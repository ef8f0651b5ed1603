package io.arxos.partitions.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.InventoryLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The README's demo: bring up the whole stack, analyse the sample database, run one maintenance pass and migrate
 * a live legacy table (swap and roll back, writes running) through Kafka with partctl, print the reports and write
 * them to files, check the database against them, and stop everything. With {@code --keep-running}
 * the stack stays up for partctl by hand until Ctrl-C.
 */
public final class Demo {

    /** The outcome of one demo pass, for the end-to-end test. */
    public record Result(int exitCode, int maintainExitCode, String runId, Path reportFile, JsonNode report,
            DemoVerifier verifier) {
    }

    static {
        // kafka-test-common ships a log4j2.yaml, which would win over an xml file: name ours explicitly
        System.setProperty("log4j2.configurationFile", "stack-log4j2.xml");
    }

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = false;
        int rows = 200;
        int legacyRows = 10_000;
        Path projectDir = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-running" -> keepRunning = true;
                case "--rows-per-month" -> rows = Integer.parseInt(args[++i]);
                case "--legacy-rows-per-month" -> legacyRows = Integer.parseInt(args[++i]);
                case "--project-dir" -> projectDir = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: demo [--keep-running] [--rows-per-month N] [--legacy-rows-per-month N] "
                            + "[--project-dir DIR]");
                    System.exit(64);
                }
            }
        }
        long t0 = System.nanoTime();
        Stack.Options options = new Stack.Options(projectDir, projectDir.resolve(".demo"), rows, legacyRows,
                true);
        int exit;
        try (Stack stack = Stack.start(options, System.out)) {
            Analysis analysis = analyze(stack, projectDir.resolve("reports"), System.out);
            Result result = run(stack, projectDir.resolve("reports"), System.out);
            System.out.println();
            MigrationDemo.Result migration = MigrationDemo.run(stack, projectDir.resolve("reports"), System.out);
            exit = Math.max(Math.max(analysis.exitCode(), result.exitCode()), migration.exitCode());
            System.out.printf("%ndemo: finished in %.1f s; resident memory: %s%n", (System.nanoTime() - t0) / 1e9,
                    memory(stack));
            if (keepRunning) {
                keepRunning(stack, projectDir);
            }
        } catch (RuntimeException e) {
            System.err.println("demo: FAILED: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    /** The outcome of the demo's analysis, for the end-to-end test. */
    public record Analysis(int exitCode, int analyzeExitCode, String analysisId, Path reportFile, JsonNode report,
            AnalysisVerifier verifier, double seconds) {
    }

    /** The guide's phase 1: analyse the sample database (legacy tables included) and check the report. */
    public static Analysis analyze(Stack stack, Path reportsDir, PrintStream out) throws Exception {
        String id = "demo-analysis-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path reportFile = reportsDir.resolve(id + ".md");
        out.println("demo: running partctl analyze (5 s observation window) as " + id);
        out.println();
        long t0 = System.nanoTime();
        int analyze = Partctl.execute("analyze", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--inventory", stack.inventory().toString(),
                "--analysis-id", id, "--observe", "PT5S", "--output-file", reportFile.toString(), "--quiet");
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println();
        if (Files.exists(reportFile)) {
            // the whole report runs to hundreds of lines: show its head, the file has the rest
            String markdown = Files.readString(reportFile);
            int estimates = markdown.indexOf("\n## Estimates");
            out.println(estimates < 0 ? markdown : markdown.substring(0, estimates));
            out.println("(estimates, recommendations and table details: " + reportFile + ")");
            out.println();
        }
        if (analyze == 3 || analyze == 64) {
            throw new IllegalStateException("partctl analyze exited " + analyze + " (see above)");
        }
        JsonNode report = fetchJson(stack, "/analyses/" + id + ".json");
        AnalysisVerifier verifier;
        try (Connection c = stack.connect()) {
            verifier = new AnalysisVerifier().verify(report, c);
        }
        out.printf("demo: partctl analyze exited %d in %.1f s; report written to %s%n", analyze, seconds, reportFile);
        out.printf("demo: self-check of the analysis against the database: %d checks passed, %d failed%n",
                verifier.passed().size(), verifier.failed().size());
        verifier.failed().forEach(f -> out.println("  FAILED " + f));
        out.println();
        int exit = verifier.failed().isEmpty() && analyze == 0 ? 0 : 1;
        return new Analysis(exit, analyze, id, reportFile, report, verifier, seconds);
    }

    /** One maintenance pass against a running stack, verified against the database. */
    public static Result run(Stack stack, Path reportsDir, PrintStream out) throws Exception {
        FleetDatabase database = new InventoryLoader().load(stack.inventory()).databases().get(0);
        Instant now = Instant.now();
        Map<String, DemoVerifier.Before> before;
        try (Connection c = stack.connect()) {
            before = DemoVerifier.before(c, database, now);
        }
        String runId = "demo-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
        Path reportFile = reportsDir.resolve("maintenance-" + runId + ".md");
        out.println("demo: running partctl maintain (full maintenance) as run " + runId);
        out.println();
        int maintain = Partctl.execute("maintain", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--inventory", stack.inventory().toString(),
                "--run-id", runId, "--output-file", reportFile.toString(), "--timeout", "PT5M");
        out.println();
        if (maintain == 3 || maintain == 64) {
            throw new IllegalStateException("partctl maintain exited " + maintain + " (see above)");
        }
        JsonNode report = fetchJson(stack, "/reports/" + runId + ".json");
        DemoVerifier verifier;
        try (Connection c = stack.connect()) {
            verifier = new DemoVerifier(c, database, now).verify(report, before);
        }
        out.printf("demo: partctl maintain exited %d (%s)%n", maintain, meaning(maintain));
        out.printf("demo: report written to %s%n", reportFile);
        out.printf("demo: self-check of the database against the report: %d checks passed, %d failed%n",
                verifier.passed().size(), verifier.failed().size());
        verifier.failed().forEach(f -> out.println("  FAILED " + f));
        int exit = verifier.failed().isEmpty() && maintain != 1 ? 0 : 1;
        return new Result(exit, maintain, runId, reportFile, report, verifier);
    }

    static JsonNode fetchJson(Stack stack, String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + stack.endpoints().reporter() + path);
        // the report topic and the reporter's HTTP view are fed separately: allow it a moment to catch up
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new ObjectMapper().readTree(response.body());
            }
            Stack.pause(200);
        }
        throw new IllegalStateException("the reporter does not serve " + uri);
    }

    private static String meaning(int code) {
        return switch (code) {
            case 0 -> "all went well";
            case 1 -> "an operation failed or the run is incomplete";
            case 2 -> "validation found problems: the sample keeps expired, far-future and NULL-key rows in default"
                    + " partitions on purpose, and maintenance must leave them there";
            default -> "see above";
        };
    }

    private static String memory(Stack stack) {
        StringBuilder sb = new StringBuilder();
        stack.serviceMemory().forEach((name, mib) -> sb.append(String.format("%s %.0f MiB, ", name, mib)));
        return sb.length() > 2 ? sb.substring(0, sb.length() - 2) : "n/a";
    }

    private static void keepRunning(Stack stack, Path projectDir) throws IOException, InterruptedException {
        Path env = projectDir.resolve(".demo/partctl.env");
        Files.writeString(env, "export KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers() + "\n"
                + "export SCHEMA_REGISTRY_URL=" + stack.registryUrl() + "\n"
                + "export PARTCTL_INVENTORY=" + stack.inventory() + "\n");
        Stack.Endpoints e = stack.endpoints();
        System.out.printf("""

                demo: the stack keeps running. In another terminal:
                  source %s
                  ./partctl analyze --observe PT10S
                  ./partctl migrate --table public.audit_logs_legacy   (then --swap, --rollback)
                  ./partctl benchmark --table public.audit_logs_legacy  (after --swap: against its _backup)
                  ./partctl maintain --validate-only
                  ./partctl maintain --dry-run --create-partitions %s %s
                  ./partctl maintain --output-format json --output-file reports/run.json
                Reports: http://127.0.0.1:%d/reports, /analyses and /benchmarks   Health: http://127.0.0.1:{%d,%d,%d}/q/health
                Metrics: http://127.0.0.1:%d/q/metrics  Database: %s (user partman, password in .demo/arxos.password)
                Press Ctrl-C to stop everything.
                """, env, java.time.YearMonth.now(ZoneOffset.UTC).plusMonths(4),
                java.time.YearMonth.now(ZoneOffset.UTC).plusMonths(6), e.reporter(), e.planner(), e.executor(),
                e.reporter(), e.reporter(), stack.jdbcUrl());
        Thread.currentThread().join();
    }
}
