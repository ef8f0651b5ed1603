package io.arxos.partitions.executor.kafka.maintenance;

import io.arxos.partitions.executor.app.maintenance.AttemptResult;
import io.arxos.partitions.executor.app.maintenance.ExecuteTableCommands;
import io.arxos.partitions.executor.kafka.KeyedLanes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Works on the commands waiting in one table's lane together: decodes them, lets {@link ExecuteTableCommands} run
 * them in as few transactions as they allow, then publishes every outcome at once and waits for all the
 * acknowledgements (one round trip instead of one per outcome). Finishes a prefix of the lane: a command waiting for
 * a retry holds the ones behind it, so a table's commands keep their order.
 */
final class CommandBatch implements KeyedLanes.LaneBatch {

    private static final Logger LOG = Logger.getLogger(CommandBatch.class);
    static final Duration KAFKA_RETRY = Duration.ofSeconds(2);

    private final CommandTask.Dependencies deps;

    CommandBatch(CommandTask.Dependencies deps) {
        this.deps = deps;
    }

    @Override
    public KeyedLanes.Progress runTogether(List<KeyedLanes.LaneTask> waiting, Runnable databaseDone) {
        List<CommandTask> tasks = waiting.stream().map(CommandTask.class::cast).toList();
        Optional<Duration> retry = Optional.empty();
        int usable = tasks.size();
        for (int i = 0; i < tasks.size(); i++) {
            Optional<Duration> wait = tasks.get(i).prepare();
            if (wait.isPresent()) {
                usable = i;
                retry = wait;
                break;
            }
        }
        List<CommandTask> attempted = new ArrayList<>();
        List<ExecuteTableCommands.Attempt> attempts = new ArrayList<>();
        for (CommandTask task : tasks.subList(0, usable)) {
            task.attempt().ifPresent(a -> {
                attempted.add(task);
                attempts.add(a);
            });
        }
        if (!attempts.isEmpty()) {
            List<AttemptResult> results = deps.execute().attempt(attempts);
            for (int j = 0; j < results.size(); j++) {
                if (results.get(j) instanceof AttemptResult.Finished finished) {
                    attempted.get(j).decided(finished.outcome());
                } else if (results.get(j) instanceof AttemptResult.RetryLater later) {
                    retry = Optional.of(later.delay());
                }
            }
        }
        databaseDone.run(); // another table of the database may start while these outcomes go out
        return publishPrefix(tasks.subList(0, usable), retry);
    }

    /** Publishes the outcomes of the leading tasks that have one, all sends in flight together. */
    private KeyedLanes.Progress publishPrefix(List<CommandTask> tasks, Optional<Duration> retry) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        int ready = 0;
        try {
            while (ready < tasks.size() && tasks.get(ready).readyToPublish()) {
                sends.add(tasks.get(ready).send());
                ready++;
            }
        } catch (KafkaException e) {
            LOG.warnf("outcome of %s not published yet: %s", tasks.get(ready).describe(), e.getMessage());
            retry = Optional.of(KAFKA_RETRY);
        }
        int published = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("outcome of %s not published yet: %s", tasks.get(published).describe(), e.getMessage());
                return new KeyedLanes.Progress(published, Optional.of(KAFKA_RETRY));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KeyedLanes.Progress(published, Optional.of(KAFKA_RETRY));
            }
            tasks.get(published).published();
            published++;
        }
        if (published < tasks.size() && retry.isEmpty()) {
            retry = Optional.of(KAFKA_RETRY); // a task that could not be decided or sent yet
        }
        return new KeyedLanes.Progress(published, retry); // a retry left when all went out: a record waits to decode
    }
}
