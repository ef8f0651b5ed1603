package io.arxos.partitions.core;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Where a {@code --baseline copy} benchmark puts its unpartitioned copy of a table: schema
 * {@value #SCHEMA}, a name derived from the table's (one per table, so a leftover is found and replaced). Planner and
 * executor derive it alike; the executor creates, checks and drops it.
 */
public final class BenchmarkScratch {

    /** The schema holding scratch copies, and nothing else. */
    public static final String SCHEMA = "partition_scratch";
    /** Every scratch copy's name starts with this. */
    public static final String PREFIX = "copy_";

    private BenchmarkScratch() {
    }

    /** {@code partition_scratch.copy_<schema>_<table>}, cut and suffixed with a checksum when too long. */
    public static TableRef copyOf(TableRef table) {
        String name = PREFIX + table.schema().value() + "_" + table.table().value();
        if (!Identifier.isPlain(name)) {
            CRC32 crc = new CRC32();
            crc.update(table.toString().getBytes(StandardCharsets.UTF_8));
            name = name.substring(0, 50) + "_" + Long.toHexString(crc.getValue());
        }
        return TableRef.of(SCHEMA, name);
    }

    /** Whether {@code relation} is a scratch copy. */
    public static boolean isCopy(TableRef relation) {
        return relation.schema().value().equals(SCHEMA) && relation.table().value().startsWith(PREFIX);
    }
}
