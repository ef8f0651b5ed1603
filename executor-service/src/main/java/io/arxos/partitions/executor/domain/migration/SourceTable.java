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

    /** A table that does not exist (what the catalog says of a name it does not know). */
    public static SourceTable missing(TableRef table, Identifier partitionKey) {
        return builder(table, partitionKey).exists(false).build();
    }

    /** Builds a source table by name; what is not set is absent, empty or zero. */
    public static Builder builder(TableRef table, Identifier partitionKey) {
        return new Builder(table, partitionKey);
    }

    /** Named setters for the catalog's facts, so that readers and tests say which facts they have. */
    public static final class Builder {
        private final TableRef table;
        private final Identifier partitionKey;
        private boolean exists = true;
        private boolean partitioned;
        private Optional<KeyType> keyType = Optional.empty();
        private List<String> primaryKey = List.of();
        private String primaryKeyType = "";
        private long nullKeyRows;
        private Optional<YearMonth> oldestMonth = Optional.empty();
        private List<IndexShape> indexes = List.of();
        private List<String> indexesByHand = List.of();
        private List<String> foreignKeysOut = List.of();
        private List<String> foreignKeysIn = List.of();
        private List<SequenceUse> sequences = List.of();
        private List<Identifier> identityColumns = List.of();
        private Optional<String> owner = Optional.empty();
        private List<Grant> grants = List.of();
        private long totalBytes;
        private long estimatedRows;

        private Builder(TableRef table, Identifier partitionKey) {
            this.table = table;
            this.partitionKey = partitionKey;
        }

        public Builder exists(boolean value) {
            exists = value;
            return this;
        }

        public Builder partitioned(boolean value) {
            partitioned = value;
            return this;
        }

        public Builder keyType(Optional<KeyType> value) {
            keyType = value;
            return this;
        }

        /** The primary key's columns and, when it is a single column, its type. */
        public Builder primaryKey(List<String> columns, String singleColumnType) {
            primaryKey = columns;
            primaryKeyType = singleColumnType;
            return this;
        }

        /** Rows without a key value and the month of the oldest key value. */
        public Builder keyValues(long nullRows, Optional<YearMonth> oldest) {
            nullKeyRows = nullRows;
            oldestMonth = oldest;
            return this;
        }

        public Builder indexes(List<IndexShape> plain, List<String> byHand) {
            indexes = plain;
            indexesByHand = byHand;
            return this;
        }

        public Builder foreignKeys(List<String> out, List<String> in) {
            foreignKeysOut = out;
            foreignKeysIn = in;
            return this;
        }

        public Builder sequences(List<SequenceUse> fed, List<Identifier> identity) {
            sequences = fed;
            identityColumns = identity;
            return this;
        }

        public Builder access(Optional<String> differentOwner, List<Grant> granted) {
            owner = differentOwner;
            grants = granted;
            return this;
        }

        public Builder size(long bytes, long rows) {
            totalBytes = bytes;
            estimatedRows = rows;
            return this;
        }

        public SourceTable build() {
            return new SourceTable(table, exists, partitioned, partitionKey, keyType, primaryKey, primaryKeyType,
                    nullKeyRows, oldestMonth, indexes, indexesByHand, foreignKeysOut, foreignKeysIn, sequences,
                    identityColumns, owner, grants, totalBytes, estimatedRows);
        }
    }
}
