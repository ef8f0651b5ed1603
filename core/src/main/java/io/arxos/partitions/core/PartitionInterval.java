package io.arxos.partitions.core;

/** How wide each partition is. Monthly is the only interval for now; the enum keeps the policy explicit. */
public enum PartitionInterval {
    MONTHLY
}
