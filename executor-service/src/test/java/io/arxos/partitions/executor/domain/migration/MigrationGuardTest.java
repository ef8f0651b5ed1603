package io.arxos.partitions.executor.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationGuardTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void aPlainTimeSeriesWithASerialKeyMayBeMigrated() {
        assertThat(MigrationGuard.check(MigrationTables.auditLog(), GIB)).isEmpty();
    }

    @Test
    void refusesNamingEveryObstacle() {
        SourceTable t = SourceTable.builder(TableRef.of("public", "chat_messages_legacy"), Identifier.of("created_at"))
                .keyType(Optional.of(KeyType.TIMESTAMPTZ)).keyValues(3, Optional.empty())
                .foreignKeys(List.of(), List.of("message_reactions_message_id_fkey of message_reactions"))
                .sequences(List.of(), List.of(Identifier.of("id"))).size(2 * GIB, 1000).build();

        assertThat(MigrationGuard.check(t, GIB)).containsExactly(
                "public.chat_messages_legacy has no primary key to apply captured updates and deletes by",
                "3 rows of public.chat_messages_legacy have no created_at: the partitioned table's primary key "
                        + "must include created_at, so they could not be copied; give them a value first",
                "foreign key message_reactions_message_id_fkey of message_reactions references "
                        + "public.chat_messages_legacy by a key without created_at, which the partitioned table "
                        + "cannot keep unique",
                "the copy of public.chat_messages_legacy needs about 2048 MiB, more than the configured headroom of "
                        + "1024 MiB");
    }

    @Test
    void refusesAKeyThatIsNoTimeColumnAndACompositePrimaryKey() {
        SourceTable t = SourceTable.builder(TableRef.of("public", "t"), Identifier.of("name"))
                .primaryKey(List.of("a", "b"), "bigint").build();

        assertThat(MigrationGuard.check(t, GIB)).containsExactly(
                "partition key name of public.t is missing or not a date or timestamp column",
                "public.t has a composite primary key (a, b); the copy walks a single-column key");
    }

    @Test
    void refusesAMissingOrPartitionedTableBeforeAnythingElse() {
        SourceTable missing = SourceTable.missing(TableRef.of("public", "nope"), Identifier.of("c"));
        assertThat(MigrationGuard.check(missing, GIB)).containsExactly("table public.nope does not exist");
    }
}
