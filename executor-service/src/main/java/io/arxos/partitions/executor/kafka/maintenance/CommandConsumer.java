package io.arxos.partitions.executor.kafka.maintenance;

import io.arxos.partitions.executor.app.maintenance.ExecuteTableCommands;
import io.arxos.partitions.executor.kafka.KeyedLanes;
import io.arxos.partitions.executor.kafka.OffsetTracker;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoop;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * The executor's consumer group on the command topic. The poll thread only hands records to per-table lanes and
 * commits what has finished; execution, retries and outcome publishing happen in the lanes.
 */
public final class CommandConsumer extends PollLoop {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);
    static final String GROUP = "executor-service";

    private final KafkaProducer<byte[], byte[]> producer;
    private final OffsetTracker offsets = new OffsetTracker();
    private final KeyedLanes lanes;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final CommandTask.Dependencies dependencies;
    private final int maxInFlight;

    /** Commands of one table worked on together at most (one lane round). */
    static final int MAX_BATCH = 64;

    /**
     * @param maxPerDatabase tables of one database worked on at once (see {@link KeyedLanes})
     */
    public CommandConsumer(KafkaSettings settings, ExecuteTableCommands execute, Clock clock, int workerThreads,
            int maxPerDatabase, int maxInFlight, Consumer<String> outcomeListener) {
        // a failed commit or a rebalance hiccup must not end the only poll thread
        super("commands", consumer(settings), Duration.ofSeconds(1), List.of());
        this.producer = new KafkaProducer<>(settings.producer("executor-outcomes"), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.workers = Executors.newFixedThreadPool(workerThreads, named("executor-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("executor-retry-timer"));
        this.maxInFlight = maxInFlight;
        this.dependencies = new CommandTask.Dependencies(execute, producer,
                Topics.COMMANDS.valueSerde(settings.registry()).deserializer(),
                Topics.OUTCOMES.valueSerde(settings.registry()).serializer(), clock, offsets, outcomeListener);
        // lanes are keyed "<database>/<schema>.<table>" (the record key): the group is the database
        this.lanes = new KeyedLanes(workers, timer, new CommandBatch(dependencies), MAX_BATCH,
                key -> key.substring(0, Math.max(0, key.indexOf('/'))), maxPerDatabase, workerThreads);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings) {
        Map<String, Object> config = settings.consumer(GROUP, "executor-commands");
        // incremental rebalances revoke only the partitions that move, so fewer lanes have to drain
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    protected void start(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.subscribe(List.of(Topics.COMMANDS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                drain(partitions);
                commit(consumer);
                offsets.revoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                LOG.infof("assigned %s", partitions);
            }
        });
    }

    /** On shutdown: what finished is committed, so it is not redelivered. */
    @Override
    protected void beforeClose(KafkaConsumer<byte[], byte[]> consumer) {
        commit(consumer);
    }

    @Override
    protected void round(KafkaConsumer<byte[], byte[]> consumer) {
        List<Map.Entry<String, KeyedLanes.LaneTask>> polled = new java.util.ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            offsets.started(new TopicPartition(record.topic(), record.partition()), record.offset());
            CommandTask task = new CommandTask(record, dependencies);
            polled.add(Map.entry(task.laneKey(), task));
        }
        lanes.submitAll(polled); // a table's commands of one poll go into its lane's first round together
        commit(consumer);
        applyBackpressure(consumer);
    }

    private void drain(Collection<TopicPartition> partitions) {
        try {
            if (!offsets.awaitDrained(partitions, Duration.ofMinutes(2))) {
                LOG.warnf("commands of %s still running after 2 min; the next owner may repeat them (the ledger "
                        + "and the catalog checks make that harmless)", partitions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(KafkaConsumer<byte[], byte[]> consumer) {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.committable();
        if (!ready.isEmpty()) {
            consumer.commitSync(ready);
            offsets.markCommitted(ready);
        }
    }

    /** Stops fetching while many records are in flight, so memory stays bounded during long retries. */
    private void applyBackpressure(KafkaConsumer<byte[], byte[]> consumer) {
        if (offsets.inFlightCount() > maxInFlight) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    @Override
    public void close() {
        super.close();
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
