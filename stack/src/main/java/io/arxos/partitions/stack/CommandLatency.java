package io.arxos.partitions.stack;

import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the audit trail of one pass from Kafka: every command published on {@code partitions.commands} and every
 * outcome on {@code partitions.outcomes} after {@link #open}, matched by command id. Latency is from the command's
 * record timestamp (the planner's send) to the outcome's (the executor's send).
 */
final class CommandLatency implements AutoCloseable {

    /** What one pass's commands came to, and when each hop of the run was published (record timestamps). */
    record Figures(int commands, int outcomes, int commandsWithSeveralOutcomes, double p50Millis, double p99Millis,
            double commandsPerSecond, Map<String, Integer> outcomesByStatus, Timeline timeline) {

        String row() {
            return String.format(Locale.ROOT, "commands %d, outcomes %d (%s), commands with more than one outcome %d;"
                    + " command published -> outcome published p50 %.0f ms, p99 %.0f ms; %.1f commands/s sustained;"
                    + " %s", commands, outcomes, outcomesByStatus, commandsWithSeveralOutcomes, p50Millis, p99Millis,
                    commandsPerSecond, timeline);
        }
    }

    /**
     * Where a pass's wall time went, in milliseconds between the record timestamps of its hops: partctl's start to its
     * request, request to run plan (the planner), plan to first command, last outcome to report (the reporter), and
     * report to partctl's return. A hop that did not happen is -1.
     */
    record Timeline(long startToRequest, long requestToPlan, long planToReport, long lastOutcomeToReport,
            long reportToReturn) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "timeline ms: partctl start->request %d, request->plan %d, plan->report"
                    + " %d (last outcome->report %d), report->partctl returned %d", startToRequest, requestToPlan,
                    planToReport, lastOutcomeToReport, reportToReturn);
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<PartitionCommand> commands;
    private final Deserializer<CommandOutcome> outcomes;

    private CommandLatency(KafkaSettings settings) {
        this.consumer = new KafkaConsumer<>(settings.consumer("bench-" + UUID.randomUUID(), "bench"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.commands = Topics.COMMANDS.valueSerde(settings.registry()).deserializer();
        this.outcomes = Topics.OUTCOMES.valueSerde(settings.registry()).deserializer();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.COMMANDS.name(), Topics.OUTCOMES.name(),
                Topics.MAINTENANCE_REQUESTS.name(), Topics.RUN_PLANS.name(), Topics.REPORTS.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Starts listening at the end of both topics. */
    static CommandLatency open(String bootstrapServers, String registryUrl) {
        return new CommandLatency(KafkaSettings.of(bootstrapServers, registryUrl));
    }

    /**
     * Reads until every command seen has an outcome (or {@code patience} passes without news).
     *
     * @param startedAt when partctl was started (epoch ms)
     * @param returnedAt when it returned (epoch ms)
     */
    Figures collect(Duration patience, long startedAt, long returnedAt) {
        Map<String, Long> hops = new HashMap<>();
        Map<String, Long> published = new HashMap<>();
        Map<String, List<Long>> answered = new HashMap<>();
        Map<String, Integer> byStatus = new HashMap<>();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < patience.toNanos()) {
            boolean news = false;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                news = true;
                if (!r.topic().equals(Topics.COMMANDS.name()) && !r.topic().equals(Topics.OUTCOMES.name())) {
                    hops.putIfAbsent(r.topic(), r.timestamp());
                } else if (r.topic().equals(Topics.COMMANDS.name())) {
                    published.putIfAbsent(commands.deserialize(r.topic(), r.value()).getCommandId(), r.timestamp());
                } else {
                    CommandOutcome o = outcomes.deserialize(r.topic(), r.value());
                    answered.computeIfAbsent(o.getCommandId(), k -> new ArrayList<>()).add(r.timestamp());
                    byStatus.merge(o.getStatus().name(), 1, Integer::sum);
                }
            }
            if (news) {
                quietSince = System.nanoTime();
            }
            if (!published.isEmpty() && answered.keySet().containsAll(published.keySet()) && !news) {
                break;
            }
        }
        List<Long> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map.Entry<String, Long> c : published.entrySet()) {
            List<Long> outs = answered.get(c.getKey());
            if (outs != null) {
                latencies.add(outs.get(0) - c.getValue());
                first = Math.min(first, c.getValue());
                last = Math.max(last, outs.get(0));
            }
        }
        latencies.sort(Long::compare);
        int several = (int) answered.values().stream().filter(l -> l.size() > 1).count();
        int totalOutcomes = answered.values().stream().mapToInt(List::size).sum();
        double seconds = latencies.isEmpty() ? Double.NaN : Math.max(1, last - first) / 1000.0;
        long lastOutcome = answered.values().stream().mapToLong(l -> l.get(0)).max().orElse(-1);
        Timeline timeline = new Timeline(between(startedAt, hops.get(Topics.MAINTENANCE_REQUESTS.name())),
                between(hops.get(Topics.MAINTENANCE_REQUESTS.name()), hops.get(Topics.RUN_PLANS.name())),
                between(hops.get(Topics.RUN_PLANS.name()), hops.get(Topics.REPORTS.name())),
                lastOutcome < 0 ? -1 : between(lastOutcome, hops.get(Topics.REPORTS.name())),
                between(hops.get(Topics.REPORTS.name()), returnedAt));
        return new Figures(published.size(), totalOutcomes, several, percentile(latencies, 50),
                percentile(latencies, 99), latencies.size() / seconds, byStatus, timeline);
    }

    private static long between(Long from, Long to) {
        return from == null || to == null ? -1 : to - from;
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
