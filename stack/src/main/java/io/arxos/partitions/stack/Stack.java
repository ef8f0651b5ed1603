package io.arxos.partitions.stack;

import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicProvisioner;
import io.arxos.partitions.testing.FreePorts;
import io.arxos.partitions.testing.PostgresTestServer;
import io.arxos.partitions.testing.SampleFleetSetup;
import io.arxos.partitions.testing.SchemaRegistryProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft) and schema registry as processes,
 * real PostgreSQL (embedded) holding the sample Arxos database, and the three packaged services as separate
 * processes. Everything it starts it stops on close, also from a shutdown hook (Ctrl-C) and after failures.
 */
public final class Stack implements AutoCloseable {

    /**
     * Where things are and how much sample data to load; with {@code fleet} the services manage those databases
     * instead, and no embedded PostgreSQL or sample database is started.
     */
    public record Options(Path projectDir, Path workDir, int rowsPerMonth, int legacyRowsPerMonth,
            boolean startServices, Optional<ExternalFleet> fleet) {

        public Options(Path projectDir, Path workDir, int rowsPerMonth, int legacyRowsPerMonth,
                boolean startServices) {
            this(projectDir, workDir, rowsPerMonth, legacyRowsPerMonth, startServices, Optional.empty());
        }
    }

    /**
     * Databases outside the stack (e.g. a benchmark's own PostgreSQL): the inventory listing them, how many executor
     * instances share the consumer group, and extra system properties per service name.
     */
    public record ExternalFleet(Path inventory, int executors, Map<String, Map<String, String>> serviceProperties) {
    }

    /** Ports of the started components. */
    public record Endpoints(int kafka, int registry, int postgres, int planner, int executor, int reporter) {
    }

    private final List<AutoCloseable> started = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceLaunch> launches = new LinkedHashMap<>();
    private final PrintStream log;
    private final Thread hook = new Thread(this::close, "stack-stop");
    private String password;
    private Endpoints endpoints;
    private Path inventory;
    private PostgresTestServer postgres;
    private SchemaRegistryProcess registry;
    private int secondExecutorPort;
    private ChildProcess broker;

    private Stack(PrintStream log) {
        this.log = log;
    }

    public static Stack start(Options options, PrintStream log) {
        Stack stack = new Stack(log);
        Runtime.getRuntime().addShutdownHook(stack.hook);
        try {
            stack.startAll(options);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options options) {
        Path work = options.workDir().toAbsolutePath();
        WorkFiles.deleteRecursively(work);
        Path logs = work.resolve("logs");
        int[] ports = freePorts(8);
        endpoints = new Endpoints(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
        int controllerPort = ports[6];
        secondExecutorPort = ports[7];
        boolean embedded = options.fleet().isEmpty();
        password = HexFormat.of().formatHex(WorkFiles.randomBytes());
        long t0 = System.nanoTime();
        Path log4j = WorkFiles.writeResource("stack-log4j2.xml", work.resolve("log4j2.xml"));
        CompletableFuture<ChildProcess> kafka = CompletableFuture.supplyAsync(() -> KafkaBrokerProcess.start(
                work.resolve("kafka"), endpoints.kafka(), controllerPort, log4j));
        CompletableFuture<SchemaRegistryProcess> registryStart = CompletableFuture.supplyAsync(
                () -> SchemaRegistryProcess.start(options.projectDir().resolve(
                        "registry-local/target/registry-local-0.1.0-SNAPSHOT-runner.jar"), endpoints.registry(), logs));
        CompletableFuture<PostgresTestServer> pg = embedded
                ? CompletableFuture.supplyAsync(() -> PostgresTestServer.start(work.resolve("postgres"),
                        endpoints.postgres()))
                : CompletableFuture.completedFuture(null);
        // wait for all three, even when one fails, so whichever did start is stopped with the rest
        CompletableFuture.allOf(kafka, registryStart, pg).exceptionally(e -> null).join();
        Stream.of(kafka, registryStart, pg).filter(f -> !f.isCompletedExceptionally() && f.join() != null)
                .forEach(f -> started.add((AutoCloseable) f.join()));
        registry = registryStart.join();
        postgres = pg.join();
        broker = kafka.join();
        if (embedded) {
            log.printf("stack: Kafka on 127.0.0.1:%d, schema registry on %s, PostgreSQL on 127.0.0.1:%d (%.1f s)%n",
                    endpoints.kafka(), registryUrl(), endpoints.postgres(), (System.nanoTime() - t0) / 1e9);
            inventory = SampleFleetSetup.create(postgres, work, options.rowsPerMonth(), options.legacyRowsPerMonth(),
                    password);
            log.printf("stack: sample Arxos database loaded (%d rows per month, legacy tables %d rows per month), "
                    + "inventory %s%n", options.rowsPerMonth(), options.legacyRowsPerMonth(), inventory);
        } else {
            log.printf("stack: Kafka on 127.0.0.1:%d, schema registry on %s (%.1f s); fleet from %s%n",
                    endpoints.kafka(), registryUrl(), (System.nanoTime() - t0) / 1e9,
                    options.fleet().get().inventory());
            inventory = options.fleet().get().inventory();
        }
        TopicProvisioner.ensureTopics(KafkaSettings.of(bootstrapServers(), registryUrl()).admin(), (short) 1, null,
                Duration.ofSeconds(30));
        if (options.startServices()) {
            startServices(options.projectDir(), work, logs, options.fleet());
        }
    }

    private void startServices(Path projectDir, Path work, Path logs, Optional<ExternalFleet> fleet) {
        long t0 = System.nanoTime();
        Map<String, String> common = Map.of("kafka.bootstrap.servers", bootstrapServers(), "schema.registry.url",
                registryUrl());
        Map<String, Integer> ports = Map.of("planner-service", endpoints.planner(), "executor-service",
                endpoints.executor(), "reporter-service", endpoints.reporter());
        Map<String, Map<String, String>> specific = Map.of(
                "planner-service", Map.of("planner.inventory", inventory.toString()),
                "executor-service", Map.of("executor.inventory", inventory.toString()),
                "reporter-service", Map.of("reporter.output-dir", work.resolve("reports").toString(),
                        "kafka-streams.state.dir", work.resolve("streams").toString()));
        List<String> names = new ArrayList<>(List.of("planner-service", "executor-service", "reporter-service"));
        int executors = fleet.map(ExternalFleet::executors).orElse(1);
        Map<String, Integer> instancePorts = new LinkedHashMap<>(ports);
        for (int i = 2; i <= executors; i++) {
            // further executor instances join the same consumer group under their own name and port
            names.add("executor-service-" + i);
            instancePorts.put("executor-service-" + i, i == 2 ? secondExecutorPort : freePorts(1)[0]);
        }
        for (String name : names) {
            String service = name.startsWith("executor-service") ? "executor-service" : name;
            Map<String, String> properties = new LinkedHashMap<>(common);
            properties.putAll(specific.get(service));
            fleet.ifPresent(f -> properties.putAll(f.serviceProperties().getOrDefault(service, Map.of())));
            if (!name.equals(service)) {
                properties.put("executor.instance-id", name.replace("-service", ""));
            }
            ServiceLaunch launch = new ServiceLaunch(projectDir, service, name, instancePorts.get(name), properties,
                    logs);
            launches.put(name, launch);
            ChildProcess process = launch.start();
            services.put(name, process);
            started.add(process);
        }
        services.forEach((name, process) -> ServiceProcess.awaitReady(process, instancePorts.get(name),
                Duration.ofSeconds(120)));
        log.printf("stack: planner, executor and reporter ready as separate processes (%.1f s); logs in %s%n",
                (System.nanoTime() - t0) / 1e9, logs);
    }

    /** How a service was started, to start it again. */
    private record ServiceLaunch(Path projectDir, String service, String name, int port,
            Map<String, String> properties, Path logs) {
        ChildProcess start() {
            return ServiceProcess.start(projectDir, service, name, port, properties, logs);
        }
    }

    /**
     * Kills a service with SIGKILL (a crash: no shutdown, no offsets committed, connections dropped) and starts it
     * again, returning once it is ready.
     */
    public void crashAndRestart(String service) {
        ServiceLaunch launch = launches.get(service);
        ChildProcess old = services.get(service);
        old.kill();
        started.remove(old);
        ChildProcess process = launch.start();
        services.put(service, process);
        started.add(process);
        ServiceProcess.awaitReady(process, launch.port(), Duration.ofSeconds(120));
        log.printf("stack: %s killed and restarted%n", service);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + endpoints.kafka();
    }

    public String registryUrl() {
        return registry.url();
    }

    public Path inventory() {
        return inventory;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("this stack manages an external fleet; it has no sample database");
        }
        return postgres.jdbcUrl(SampleFleetSetup.DATABASE);
    }

    /** A connection as the services' role; the password never leaves this process except in the secret file. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SampleFleetSetup.OWNER, password);
    }

    /** CPU seconds (user + system) each process of the stack has used so far: the services and the broker. */
    public Map<String, Double> processCpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        services.forEach((name, process) -> cpu.put(name, process.cpuSeconds()));
        if (broker != null) {
            cpu.put("kafka", broker.cpuSeconds());
        }
        return cpu;
    }

    /** The largest resident memory so far of each service process in MiB. */
    public Map<String, Double> servicePeakMemory() {
        Map<String, Double> rss = new LinkedHashMap<>();
        services.forEach((name, process) -> rss.put(name, process.peakResidentMiB()));
        return rss;
    }

    /** Resident memory of each service process in MiB. */
    public Map<String, Double> serviceMemory() {
        Map<String, Double> rss = new LinkedHashMap<>();
        services.forEach((name, process) -> rss.put(name, process.residentMiB()));
        return rss;
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> running;
        synchronized (started) {
            running = new ArrayList<>(started);
            started.clear();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.println("stack: stopping " + running.get(i) + " failed: " + e.getMessage());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Distinct free ports (see {@link FreePorts}). */
    static int[] freePorts(int count) {
        return FreePorts.take(count);
    }
}
