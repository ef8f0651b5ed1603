package io.arxos.partitions.executor.domain.migration;

/** One month of one table: its row count and the order-independent checksum of its rows ("NULL" month: no key). */
public record MonthTally(String month, long rows, String checksum) {
}
