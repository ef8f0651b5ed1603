package io.arxos.partitions.reporter.kafka.run;

import io.arxos.partitions.reporter.kafka.JsonSerde;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state store of a run assembly: logged to a changelog, values as JSON; in memory where runs are small, in
 * RocksDB (off the heap, memory capped by {@link BoundedRocksDbConfig}) where a run can hold thousands of items.
 */
public final class RunStores {

    /** Changelog values carry whole plans, which can outgrow the default 1 MB record limit in JSON. */
    public static final int MAX_VALUE_BYTES = 8 * 1024 * 1024;
    static final String CHANGELOG_MAX_MESSAGE_BYTES = Integer.toString(MAX_VALUE_BYTES);

    private RunStores() {
    }

    /** Where a store keeps its values. */
    public enum Placement {
        /** On the heap: for kinds whose runs are a few hundred items (analyses, benchmarks). */
        IN_MEMORY,
        /**
         * In RocksDB: for maintenance runs, whose outcomes (4 per table, with their SQL and partition listings)
         * would fill the heap at a few thousand tables.
         */
        ROCKSDB
    }

    /**
     * @param cached whether the record cache collapses values rewritten within a commit (a run's progress, rewritten
     *     by every item) into one changelog record
     */
    public static <P, I> StoreBuilder<KeyValueStore<String, RunState<P, I>>> store(String name, Class<P> plan,
            Class<I> item, boolean cached, Placement placement) {
        JsonSerde<RunState<P, I>> values = values(plan, item);
        StoreBuilder<KeyValueStore<String, RunState<P, I>>> builder = Stores
                .keyValueStoreBuilder(placement == Placement.ROCKSDB ? Stores.persistentKeyValueStore(name)
                        : Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, CHANGELOG_MAX_MESSAGE_BYTES));
        return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
    }

    /** The store's values: a run's state as JSON. */
    public static <P, I> JsonSerde<RunState<P, I>> values(Class<P> plan, Class<I> item) {
        return JsonSerde.parametric(RunState.class, plan, item);
    }

    /** What one value of a store with these values may hold: at most {@code maxBytes}. */
    public static <P, I> StateLimit<P, I> limit(Class<P> plan, Class<I> item, int maxBytes) {
        return new StateLimit<>(values(plan, item).serializer(), maxBytes);
    }
}
