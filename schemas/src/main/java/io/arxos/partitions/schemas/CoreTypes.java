package io.arxos.partitions.schemas;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.core.validation.Finding;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.events.CommandOperation;
import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.FindingKind;
import io.arxos.partitions.events.PartitionBounds;
import io.arxos.partitions.events.PartitionKeyType;
import io.arxos.partitions.events.PartitionSize;
import io.arxos.partitions.events.TableId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Translations between the shared value types of {@code core} and their Avro counterparts, in one place so every
 * service maps bounds, keys and envelopes the same way.
 */
public final class CoreTypes {

    private CoreTypes() {
    }

    /** A validation finding as events carry it. */
    public static io.arxos.partitions.events.Finding finding(Finding f) {
        return io.arxos.partitions.events.Finding.newBuilder()
                .setKind(FindingKind.valueOf(f.kind().name()))
                .setPartition(f.partition().orElse(null))
                .setDetail(f.detail())
                .setRows(f.rows().orElse(null))
                .build();
    }

    /** A partition's size and rows as validation outcomes carry them. */
    public static PartitionSize partitionSize(ValidationSnapshot.PartitionInfo p) {
        return PartitionSize.newBuilder()
                .setName(p.name())
                .setBounds(p.range().map(CoreTypes::bounds).orElseGet(CoreTypes::defaultBounds))
                .setIsDefault(p.isDefault())
                .setRowEstimate(p.rows())
                .setSizeBytes(p.sizeBytes())
                .build();
    }

    public static EventEnvelope envelope(String runId, String producer, Instant at) {
        return envelope(UUID.randomUUID(), runId, producer, at);
    }

    /** An envelope with an event id chosen by the caller (one other events refer to). */
    public static EventEnvelope envelope(UUID eventId, String runId, String producer, Instant at) {
        return EventEnvelope.newBuilder().setEventId(eventId).setRunId(runId).setProducer(producer)
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS)).build();
    }

    public static TableId tableId(TableKey key) {
        return TableId.newBuilder().setDatabase(key.database().value()).setSchemaName(key.table().schema().value())
                .setTableName(key.table().table().value()).build();
    }

    /** The table key of an event; throws IllegalArgumentException naming the bad part when it is not valid. */
    public static TableKey tableKey(TableId id) {
        return new TableKey(DatabaseId.of(id.getDatabase()), TableRef.of(id.getSchemaName(), id.getTableName()));
    }

    public static PartitionBounds bounds(PartitionRange range) {
        return PartitionBounds.newBuilder()
                .setFrom(range.lowerUnbounded() ? null : micros(range.from()))
                .setTo(range.upperUnbounded() ? null : micros(range.to()))
                .build();
    }

    /** Empty bounds (both null) mean the default partition. */
    public static PartitionBounds defaultBounds() {
        return PartitionBounds.newBuilder().setFrom(null).setTo(null).build();
    }

    public static PartitionRange range(PartitionBounds bounds) {
        return new PartitionRange(bounds.getFrom() == null ? LocalDateTime.MIN : bounds.getFrom(),
                bounds.getTo() == null ? LocalDateTime.MAX : bounds.getTo());
    }

    public static PartitionKeyType keyType(KeyType type) {
        return PartitionKeyType.valueOf(type.name());
    }

    /** The core key type; UNKNOWN (from a newer producer) is refused with a message. */
    public static KeyType keyType(PartitionKeyType type) {
        if (type == null || type == PartitionKeyType.UNKNOWN) {
            throw new IllegalArgumentException("partition key type " + type + " is not supported");
        }
        return KeyType.valueOf(type.name());
    }

    public static CommandOperation operation(Operation op) {
        return CommandOperation.valueOf(op.name());
    }

    public static Operation operation(CommandOperation op) {
        if (op == null || op == CommandOperation.UNKNOWN) {
            throw new IllegalArgumentException("operation " + op + " is not supported");
        }
        return Operation.valueOf(op.name());
    }

    /** Avro local-timestamp-micros keeps microseconds; PostgreSQL keeps microseconds too. */
    private static LocalDateTime micros(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
