package io.arxos.partitions.executor.domain.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What the catalog says about a live table about to be migrated: its keys, indexes, foreign keys, sequences and
 * data range, everything the migration's statements and refusals depend on.
 *
 * @param keyType the partition key's type; empty when the column is not a date or timestamp
 * @param primaryKeyType format_type of the single primary-key column the copy walks in order
 * @param nullKeyRows rows whose partition key is NULL (they could not be in a primary key with it)
 * @param oldestMonth the month of the oldest key value; empty for an empty table
 * @param indexes plain-column indexes other than the primary key's (unique ones included), to recreate on the
 *                partitioned table
 * @param indexesByHand definitions of expression and partial indexes, which a DBA recreates on the copy by hand
 * @param foreignKeysOut definitions (pg_get_constraintdef) of foreign keys to other tables, to recreate
 * @param foreignKeysIn foreign keys of other tables that reference this one, described for the refusal
 * @param identityColumns identity columns: the copy gets its own sequence, set from the original's at the swap
 * @param owner the table's owner (role name as quote_ident prints it) when it is not the executor's role
 * @param grants privileges other roles hold on the table (grantee as quote_ident prints it)
 */
public record SourceTable(
        TableRef table,
        boolean exists,
        boolean partitioned,
        Identifier partitionKey,
        Optional<KeyType> keyType,
        List<String> primaryKey,
        String primaryKeyType,
        long nullKeyRows,
        Optional<YearMonth> oldestMonth,
        List<IndexShape> indexes,
        List<String> indexesByHand,
        List<String> foreignKeysOut,
        List<String> foreignKeysIn,
        List<SequenceUse> sequences,
        List<Identifier> identityColumns,
        Optional<String> owner,
        List<Grant> grants,
        long totalBytes,
        long estimatedRows) {

    public SourceTable {
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        indexesByHand = List.copyOf(indexesByHand);
        foreignKeysOut = List.copyOf(foreignKeysOut);
        foreignKeysIn = List.copyOf(foreignKeysIn);
        sequences = List.copyOf(sequences);
        identityColumns = List.copyOf(identityColumns);
        grants = List.copyOf(grants);
    }

    /** A privilege another role holds on the table, to grant on the partitioned copy too. */
    public record Grant(String privilege, String grantee) {
        /** The privilege keywords aclexplode reports for tables. */
        static final java.util.Set<String> PRIVILEGES = java.util.Set.of("SELECT", "INSERT", "UPDATE", "DELETE",
                "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN");

        public Grant {
            if (!PRIVILEGES.contains(privilege)) {
                throw new IllegalArgumentException("unknown table privilege '" + privilege + "'");
            }
        }
    }

    /** An index to recreate: its columns (plain names), whether unique, its access method. */
    public record IndexShape(List<Identifier> columns, boolean unique, String method) {
        public IndexShape {
            columns = List.copyOf(columns);
        }
    }

    /** A sequence feeding a column through its default (serial), as regclass text. */
    public record SequenceUse(String sequence, Identifier column) {
    }
}
