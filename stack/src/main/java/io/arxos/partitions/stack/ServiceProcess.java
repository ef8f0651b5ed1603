package io.arxos.partitions.stack;

import io.arxos.partitions.testing.HttpReadiness;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts one packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) as its own JVM, configured by
 * system properties, with the small-footprint JVM flags the services are sized for, and waits until it is ready.
 */
final class ServiceProcess {

    /** JVM flags of every service: small heap, serial GC, C1 only, fewer malloc arenas (see README, memory). */
    static final List<String> JVM_FLAGS = List.of("-Xmx64m", "-Xms16m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=32m");

    private ServiceProcess() {
    }

    static ChildProcess start(Path projectDir, String service, int port, Map<String, String> properties, Path logDir) {
        return start(projectDir, service, service, port, properties, logDir);
    }

    /** Starts {@code service}'s jar as the instance {@code name} (its log is {@code <name>.log}). */
    static ChildProcess start(Path projectDir, String service, String name, int port, Map<String, String> properties,
            Path logDir) {
        Path jar = projectDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build first: ./mvnw -B -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Stack.javaBinary()));
        command.addAll(JVM_FLAGS);
        // diagnosis, e.g. -Dstack.jvm-options.executor-service=-XX:StartFlightRecording=filename=x.jfr
        String extra = System.getProperty("stack.jvm-options." + service, "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return ChildProcess.start(name, command, Map.of("MALLOC_ARENA_MAX", "2"), logDir.resolve(name + ".log"));
    }

    static void awaitReady(ChildProcess service, int port, Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        if (!HttpReadiness.await(ready, service.handle(), timeout, service.name(), service.log())) {
            throw new IllegalStateException(service.name() + " not ready within " + timeout + "; see " + service.log());
        }
    }
}
