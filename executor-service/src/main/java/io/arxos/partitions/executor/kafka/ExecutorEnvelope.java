package io.arxos.partitions.executor.kafka;

import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Instant;

/** The envelope of every outcome the executor publishes: a new event id, the run it answers, the executor as producer. */
public final class ExecutorEnvelope {

    private static final String PRODUCER = "executor-service";

    private ExecutorEnvelope() {
    }

    public static EventEnvelope answering(String runId, Instant at) {
        return CoreTypes.envelope(runId, PRODUCER, at);
    }
}
