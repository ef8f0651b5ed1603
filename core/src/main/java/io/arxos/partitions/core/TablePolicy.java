package io.arxos.partitions.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How one table is partitioned and kept: key column, interval, premake (months made ahead of the current one) and
 * retention (months kept behind it), plus what retention does with expired partitions.
 */
public record TablePolicy(
        TableRef table,
        Identifier partitionKey,
        PartitionInterval interval,
        int premake,
        int retentionMonths,
        RetentionAction retentionAction,
        Identifier archiveSchema) {

    public TablePolicy {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(retentionAction, "retentionAction");
        Objects.requireNonNull(archiveSchema, "archiveSchema");
        if (premake < 0 || premake > 120) {
            throw new IllegalArgumentException("premake " + premake + " for " + table + " must be between 0 and 120");
        }
        if (retentionMonths < 1 || retentionMonths > 1200) {
            throw new IllegalArgumentException("retention " + retentionMonths + " months for " + table
                    + " must be between 1 and 1200");
        }
    }

    /** The instant (as UTC wall time) at or before which a partition's whole range must end to be expired. */
    public LocalDateTime retentionCutoff(Instant now) {
        // whole seconds: reports and SQL literals stay readable, and a second changes no decision
        return utc(now).truncatedTo(ChronoUnit.SECONDS).minusMonths(retentionMonths);
    }

    /** True when the whole range ends at or before now − retention. */
    public boolean isExpired(PartitionRange range, Instant now) {
        return !range.to().isAfter(retentionCutoff(now));
    }

    /** The last month that premake wants to exist: the current month plus {@link #premake}. */
    public YearMonth premakeThrough(Instant now) {
        return YearMonth.from(utc(now)).plusMonths(premake);
    }

    public Identifier defaultPartition() {
        return PartitionNaming.defaultPartition(table.table());
    }

    public static LocalDateTime utc(Instant now) {
        return LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
