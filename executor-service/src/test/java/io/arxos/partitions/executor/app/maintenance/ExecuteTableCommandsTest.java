package io.arxos.partitions.executor.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.RetryPolicy;
import io.arxos.partitions.executor.domain.maintenance.CommandHeader;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.Outcome;
import io.arxos.partitions.executor.domain.maintenance.Step;
import io.arxos.partitions.executor.domain.maintenance.TableInspection;
import io.arxos.partitions.executor.domain.maintenance.TableState;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How one table's waiting commands are carried out, against in-memory ports that record every step: which commands
 * share a transaction, and what happens when the shared transaction fails.
 */
class ExecuteTableCommandsTest {

    private static final TableKey AUDIT = TableKey.parse("arxos/public.audit_logs");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final FleetInventory INVENTORY = new InventoryLoader().parse("""
            databases:
              - id: arxos
                url: jdbc:postgresql://db/arxos
                user: partman
                password: { env: UNUSED }
                tables: [{ name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }]
            """, "test");

    private final RecordingRunner runner = new RecordingRunner();
    private final ExecuteTableCommands execute = new ExecuteTableCommands(INVENTORY, new FixedInspector(), runner,
            new ExecuteCommand(INVENTORY, new FixedInspector(), runner, new NoLedger(),
                    new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
                    Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.5),
            Clock.fixed(NOW, ZoneOffset.UTC), 1 << 20);

    @Test
    void futureMonthsOfOneTableShareOneTransactionAndEachGetsItsOwnOutcome() {
        List<AttemptResult> results = execute.attempt(attempts("2026-12", "2027-01", "2027-02"));

        assertThat(runner.steps).containsExactly("create_and_attach x3");
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(((AttemptResult.Finished) r).outcome().status())
                .isEqualTo(Outcome.Status.SUCCEEDED));
        assertThat(outcome(results.get(2)).sql()).hasSize(2).allMatch(s -> s.contains("audit_logs_p2027_02"));
    }

    @Test
    void whenTheSharedTransactionFailsForGoodEveryMonthIsTriedAloneForItsOwnOutcome() {
        runner.failTogetherWith = "42501"; // permission denied: permanent

        List<AttemptResult> results = execute.attempt(attempts("2026-12", "2027-01"));

        assertThat(runner.steps).startsWith("create_and_attach x2 failed")
                .contains("create_table x1", "attach x1");
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(outcome(r).status())
                .isEqualTo(Outcome.Status.SUCCEEDED));
    }

    @Test
    void aRetriableFailureOfTheSharedTransactionRetriesTheWholeBatchLater() {
        runner.failTogetherWith = "55P03"; // lock timeout

        List<AttemptResult> results = execute.attempt(attempts("2026-12", "2027-01"));

        assertThat(results).first().isInstanceOf(AttemptResult.RetryLater.class);
        assertThat(results).hasSize(1);
        assertThat(runner.steps).containsExactly("create_and_attach x2 failed");
    }

    private static Outcome outcome(AttemptResult result) {
        return ((AttemptResult.Finished) result).outcome();
    }

    private static List<ExecuteTableCommands.Attempt> attempts(String... months) {
        List<ExecuteTableCommands.Attempt> attempts = new ArrayList<>();
        for (String m : months) {
            PartitionRange range = PartitionRange.ofMonth(YearMonth.parse(m));
            ExecutorCommand command = new ExecutorCommand.CreatePartition(new CommandHeader(
                    CommandId.forChange(AUDIT, Operation.CREATE_PARTITION, range), "run-1", AUDIT, "test", false),
                    Identifier.of("audit_logs_p" + m.replace('-', '_')), range, KeyType.TIMESTAMPTZ);
            attempts.add(new ExecuteTableCommands.Attempt(command, new AttemptContext(NOW)));
        }
        return attempts;
    }

    /** A table with the current month and an empty default partition. */
    private static final class FixedInspector implements TableInspector {
        @Override
        public TableInspection inspectAll(TableKey table, TablePolicy policy,
                List<? extends ExecutorCommand.PartitionCommand> commands) {
            return new TableInspection(KeyType.TIMESTAMPTZ, List.of(
                    new TableState.Child("audit_logs_p2026_11", "public",
                            Optional.of(PartitionRange.ofMonth(YearMonth.of(2026, 11)))),
                    new TableState.Child("audit_logs_p_default", "public", Optional.empty())),
                    List.of("\"id\"", "\"created_at\""), 0, Map.of(), Map.of(), Map.of(), Set.of());
        }

        @Override
        public ValidationSnapshot snapshot(TableKey table, TablePolicy policy, boolean rowsJustMoved) {
            throw new UnsupportedOperationException("no validation here");
        }
    }

    /** Records each step as "name xN" (N commands), optionally failing the shared step once with a SQLSTATE. */
    private static final class RecordingRunner implements StepRunner {
        final List<String> steps = new ArrayList<>();
        String failTogetherWith;

        @Override
        public long runTogether(TableKey table, List<LedgerEntry> entries, Step step) throws StepFailure {
            String what = step.name() + " x" + entries.size();
            if (failTogetherWith != null && step.name().equals("create_and_attach")) {
                steps.add(what + " failed");
                throw new StepFailure(failTogetherWith, "staged failure " + failTogetherWith, null);
            }
            steps.add(what);
            return 0;
        }

        @Override
        public void compensate(TableKey table, ExecutorCommand command, List<String> statements) {
            steps.add("compensate");
        }
    }

    /** Nothing was applied before; failed attempts are not kept. */
    private static final class NoLedger implements Ledger {
        @Override
        public Optional<AppliedChange> findApplied(TableKey table, ExecutorCommand command) {
            return Optional.empty();
        }

        @Override
        public void recordFailure(TableKey table, ExecutorCommand command, int attempt, String errorClass,
                String sqlState, String message, Instant startedAt) {
            // not needed here
        }
    }
}
