package io.arxos.partitions.reporter.kafka.run;

import org.apache.kafka.common.serialization.Serializer;

/**
 * The most a run's state may put in one store value: every value is also one changelog record, and a record past
 * the changelog's limit would fail the stream's transaction on every replay of the run.
 *
 * @param values the store's value serializer, which decides the size
 * @param maxBytes the changelog's record limit
 */
public record StateLimit<P, I>(Serializer<RunState<P, I>> values, int maxBytes) {

    /** The size of {@code state} as the store keeps it. */
    public int bytes(String storeName, RunState<P, I> state) {
        return values.serialize(storeName, state).length;
    }
}
