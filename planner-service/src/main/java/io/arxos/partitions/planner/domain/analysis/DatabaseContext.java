package io.arxos.partitions.planner.domain.analysis;

/**
 * Facts about the database that the recommendation scales by.
 *
 * @param sharedBufferBytes the server's shared_buffers; size classes are multiples of it
 * @param queryStatistics true when pg_stat_statements could be read, so "no query seen" means something
 */
public record DatabaseContext(long sharedBufferBytes, boolean queryStatistics) {
}
