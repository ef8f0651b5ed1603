package io.arxos.partitions.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller) as its own process, started from
 * the kafka_2.13 jar on this JVM's class path. Storage is formatted once, idempotently, with a fixed cluster id.
 */
final class KafkaBrokerProcess {

    private static final String CLUSTER_ID = "a3JhZnQtYXJ4b3MtZGVtbw";

    private KafkaBrokerProcess() {
    }

    static ChildProcess start(Path dir, int port, int controllerPort, Path log4jConfig) {
        try {
            Files.createDirectories(dir);
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                    "num.partitions=1",
                    // single node: internal topics with one replica and one partition (50 makes start-up slow)
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "transaction.state.log.num.partitions=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    ""));
            List<String> java = List.of(Stack.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath(), "-cp", classPath());
            Path log = dir.resolve("broker.log");
            ChildProcess format = ChildProcess.start("kafka-format", concat(java, "kafka.tools.StorageTool", "format",
                    "--ignore-formatted", "-t", CLUSTER_ID, "-c", properties.toString(), "--standalone"), Map.of(),
                    log);
            awaitExit(format, Duration.ofSeconds(60));
            ChildProcess broker = ChildProcess.start("kafka", concat(java, "kafka.Kafka", properties.toString()),
                    Map.of(), log);
            awaitPort(broker, port, Duration.ofSeconds(60));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka broker in " + dir, e);
        }
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }

    private static void awaitExit(ChildProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                process.close();
                throw new IllegalStateException("formatting Kafka storage timed out; see " + process.log());
            }
            Stack.pause(100);
        }
    }

    private static void awaitPort(ChildProcess broker, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited; see " + broker.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Stack.pause(100);
            }
        }
        broker.close();
        throw new IllegalStateException("the Kafka broker did not listen on " + port + " within " + timeout
                + "; see " + broker.log());
    }
}
