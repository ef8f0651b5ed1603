package io.arxos.partitions.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real schema registry speaking the Confluent REST API (Apicurio Registry's ccompat API, built by the
 * {@code registry-local} module) started as a child process with in-memory storage.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    private static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private SchemaRegistryProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "schema-registry-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the jar named by the {@code registry.jar} system property (set by the build). */
    public static SchemaRegistryProcess start() {
        String jar = System.getProperty("registry.jar");
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property registry.jar is not set; run tests through Maven");
        }
        return start(Path.of(jar), freePort(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    public static SchemaRegistryProcess start(Path jar, int port, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("schema registry jar " + jar
                    + " does not exist; build it with ./mvnw -pl registry-local package");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-jar", jar.toString()));
        try {
            Files.createDirectories(logDir);
            File log = logDir.resolve("schema-registry-" + port + ".log").toFile();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            SchemaRegistryProcess registry = new SchemaRegistryProcess(process, port);
            registry.awaitReady(Duration.ofSeconds(60), log);
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the schema registry from " + jar, e);
        }
    }

    /** The base URL for {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    public int port() {
        return port;
    }

    private void awaitReady(Duration timeout, File log) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        if (!HttpReadiness.await(ready, process.toHandle(), timeout, "the schema registry", log)) {
            close();
            throw new IllegalStateException("schema registry not ready after " + timeout + "; see " + log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IllegalStateException e) {
            // JVM already shutting down: the hook does the work
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        return FreePorts.take();
    }

}
