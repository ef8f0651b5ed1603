package io.arxos.partitions.reporter.kafka.run;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps what RocksDB stores may use off the heap: one block cache of {@link #TOTAL_BYTES} shared by every store and
 * task, with the memtables counted against it, and small memtables. A run's outcomes live here rather than on the
 * 64 MB heap, so the size of a run no longer decides whether the reporter survives it.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Block cache and memtables of all stores together. */
    static final long TOTAL_BYTES = 16L * 1024 * 1024;
    /** Memtables' share of {@link #TOTAL_BYTES}. */
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    private static final long MEMTABLE_SIZE = 2L * 1024 * 1024;

    // shared by every store of the process, as the Streams guide on bounded memory recommends; never closed
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager outlive any one store
    }
}
