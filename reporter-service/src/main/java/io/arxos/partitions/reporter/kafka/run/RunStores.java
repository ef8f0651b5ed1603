package io.arxos.partitions.reporter.kafka.run;

import io.arxos.partitions.reporter.kafka.JsonSerde;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The state store of a run assembly: in memory, logged to a changelog, values as JSON. */
public final class RunStores {

    /** Changelog values carry whole plans, which can outgrow the default 1 MB record limit in JSON. */
    static final String CHANGELOG_MAX_MESSAGE_BYTES = Integer.toString(8 * 1024 * 1024);

    private RunStores() {
    }

    /**
     * In memory, not RocksDB: the state is small and RocksDB's native memory would dominate the footprint.
     *
     * @param cached whether the record cache collapses values rewritten within a commit (a run's progress, rewritten
     *     by every item) into one changelog record
     */
    public static <P, I> StoreBuilder<KeyValueStore<String, RunState<P, I>>> store(String name, Class<P> plan,
            Class<I> item, boolean cached) {
        JsonSerde<RunState<P, I>> values = JsonSerde.parametric(RunState.class, plan, item);
        StoreBuilder<KeyValueStore<String, RunState<P, I>>> builder = Stores
                .keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, CHANGELOG_MAX_MESSAGE_BYTES));
        return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
    }
}
