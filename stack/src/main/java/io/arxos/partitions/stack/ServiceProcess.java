package io.arxos.partitions.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        Path jar = projectDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build first: ./mvnw -B -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Stack.javaBinary()));
        command.addAll(JVM_FLAGS);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return ChildProcess.start(service, command, Map.of("MALLOC_ARENA_MAX", "2"), logDir.resolve(service + ".log"));
    }

    static void awaitReady(ChildProcess service, int port, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited during start-up; see " + service.log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            Stack.pause(200);
        }
        throw new IllegalStateException(service.name() + " not ready within " + timeout + "; see " + service.log());
    }
}
