package io.arxos.partitions.cli.migration;

import static io.arxos.partitions.cli.migration.MigrationFixtures.answer;
import static io.arxos.partitions.cli.migration.MigrationFixtures.month;
import static io.arxos.partitions.cli.migration.MigrationFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.events.OutcomeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The driver against a scripted executor: which commands go out, in what order, and how each table ends. */
class MigrationDriverTest {

    private static final MigrationTargets.Target LEGACY = target("public.audit_logs_legacy");
    private static final MigrationTargets.Target CHAT = target("public.chat_messages_legacy");

    private final List<MigrationCommand> sent = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @Test
    void migrationPreparesCapturesCopiesUntilDoneThenVerifies() {
        MigrationDriver driver = driver(command -> {
            switch (command.getStep()) {
                case COPY:
                    boolean first = command.getCommandId().endsWith(":1");
                    return answer(command, OutcomeStatus.SUCCEEDED, first ? "capturing" : "copied", "copied a chunk")
                            .setRowsCopied(first ? 49_200 : 120_000).setRowsEstimated(120_000)
                            .setRowsPerSecond(12_340).setCopyDone(!first).build();
                case VERIFY:
                    return answer(command, OutcomeStatus.SUCCEEDED, "verified", "2 months equal")
                            .setMonths(List.of(month("2026-10", 60_000, 60_000, "a", "a"),
                                    month("2026-11", 60_000, 60_000, "b", "b"))).build();
                default:
                    return answer(command, OutcomeStatus.SUCCEEDED, "prepared", "done").build();
            }
        });

        TableMigration result = driver.migrate(LEGACY);

        assertThat(sent).extracting(MigrationCommand::getCommandId).containsExactly(
                "migrate_prepare:arxos/public.audit_logs_legacy:m-1",
                "migrate_capture:arxos/public.audit_logs_legacy:m-1",
                "migrate_copy:arxos/public.audit_logs_legacy:m-1:1",
                "migrate_copy:arxos/public.audit_logs_legacy:m-1:2",
                "migrate_verify:arxos/public.audit_logs_legacy:m-1:check-a1b2c3d4");
        assertThat(result.ending()).isEqualTo(TableMigration.Ending.DONE);
        assertThat(result.note()).isEqualTo("verified equal");
        assertThat(progress).containsExactly(
                "[########------------]  41%  49,200/120,000 rows  12,340 rows/s  ETA 6 s",
                "[####################] 100%  120,000/120,000 rows  12,340 rows/s  done");
        assertThat(steps).containsExactly(
                "public.audit_logs_legacy prepare: SUCCEEDED (done)",
                "public.audit_logs_legacy capture: SUCCEEDED (done)",
                "public.audit_logs_legacy copy: SUCCEEDED (120,000 rows copied in 2 chunks; copied a chunk)",
                "public.audit_logs_legacy verify: SUCCEEDED (2 month(s) compared, all equal; 2 months equal)");
    }

    @Test
    void everyCommandCarriesTheTableKeyAndTheCopySettings() {
        driver(command -> answer(command, OutcomeStatus.SUCCEEDED, "prepared", "").setCopyDone(true).build())
                .migrate(LEGACY);

        MigrationCommand copy = sent.get(2);
        assertThat(copy.getStep()).isEqualTo(MigrationStep.COPY);
        assertThat(copy.getEnvelope().getRunId()).isEqualTo("m-1");
        assertThat(copy.getTable().getDatabase()).isEqualTo("arxos");
        assertThat(copy.getTable().getTableName()).isEqualTo("audit_logs_legacy");
        assertThat(copy.getPartitionKey()).isEqualTo("created_at");
        assertThat(copy.getBatchSize()).isEqualTo(10_000);
        assertThat(copy.getChunkSeconds()).isEqualTo(5);
        assertThat(copy.getPremake()).isEqualTo(2);
        assertThat(copy.getDryRun()).isFalse();
        assertThat(copy.getRequestedBy()).isEqualTo("partctl@test");
    }

    @Test
    void alreadyAppliedStepsCountAsDoneAndTheMigrationGoesOn() {
        TableMigration result = driver(command -> answer(command,
                command.getStep() == MigrationStep.VERIFY ? OutcomeStatus.SUCCEEDED : OutcomeStatus.ALREADY_APPLIED,
                "copied", "done before").build()).migrate(LEGACY);

        assertThat(sent).extracting(MigrationCommand::getStep).containsExactly(MigrationStep.PREPARE,
                MigrationStep.CAPTURE, MigrationStep.COPY, MigrationStep.VERIFY);
        assertThat(result.ending()).isEqualTo(TableMigration.Ending.DONE);
    }

    @Test
    void aFailedStepStopsTheTableAndTheTablesAfterIt() {
        MigrationDriver driver = driver(command -> command.getStep() == MigrationStep.CAPTURE
                ? answer(command, OutcomeStatus.FAILED, "prepared", "lock timeout on public.audit_logs_legacy").build()
                : answer(command, OutcomeStatus.SUCCEEDED, "prepared", "").build());

        List<TableMigration> results = MigrationDriver.each(List.of(LEGACY, CHAT), driver::migrate, true);

        assertThat(results).extracting(TableMigration::ending)
                .containsExactly(TableMigration.Ending.FAILED, TableMigration.Ending.NOT_STARTED);
        assertThat(results.get(0).note()).isEqualTo("capture FAILED: lock timeout on public.audit_logs_legacy");
        assertThat(results.get(1).note()).isEqualTo("not started: arxos/public.audit_logs_legacy stopped the command");
        assertThat(sent).extracting(MigrationCommand::getStep).containsExactly(MigrationStep.PREPARE,
                MigrationStep.CAPTURE);
    }

    @Test
    void anUnansweredStepNamesTheCommandAndStopsEvenWhereProblemsDoNot() {
        MigrationDriver driver = driver(command -> null);

        List<TableMigration> results = MigrationDriver.each(List.of(LEGACY, CHAT), driver::status, false);

        assertThat(results).extracting(TableMigration::ending)
                .containsExactly(TableMigration.Ending.NO_ANSWER, TableMigration.Ending.NOT_STARTED);
        assertThat(results.get(0).note()).isEqualTo("no answer to status (migrate_status:arxos/public.audit_logs_legacy"
                + ":m-1:check-a1b2c3d4) within 60 s: is executor-service running and consuming "
                + "partitions.migration-commands?");
    }

    @Test
    void swapIsNotSentWhenVerifyFindsDifferences() {
        TableMigration result = driver(command -> answer(command, OutcomeStatus.SUCCEEDED, "copied", "compared")
                .setMonths(List.of(month("2026-11", 60_000, 59_999, "a", "b")))
                .setDifferences(List.of("2026-11: original 60,000 rows, partitioned 59,999 rows")).build())
                .swap(LEGACY);

        assertThat(sent).extracting(MigrationCommand::getStep).containsExactly(MigrationStep.VERIFY);
        assertThat(result.ending()).isEqualTo(TableMigration.Ending.DIFFERENCES);
        assertThat(result.note()).isEqualTo("1 of 1 month(s) differ");
    }

    @Test
    void swapAfterAnEqualVerifyTellsHowLongWritersWereBlocked() {
        TableMigration result = driver(command -> answer(command, OutcomeStatus.SUCCEEDED,
                command.getStep() == MigrationStep.SWAP ? "swapped" : "verified", "")
                .setBlockedMillis(1_042).build()).swap(LEGACY);

        assertThat(sent).extracting(MigrationCommand::getCommandId).containsExactly(
                "migrate_verify:arxos/public.audit_logs_legacy:m-1:check-a1b2c3d4",
                "migrate_swap:arxos/public.audit_logs_legacy:m-1");
        assertThat(result.note()).isEqualTo("swapped; writers blocked 1,042 ms");
        assertThat(steps).contains("public.audit_logs_legacy swap: SUCCEEDED (writers blocked 1,042 ms)");
    }

    @Test
    void rollbackOfATableWithNothingToRollBackIsFineAndEveryTableIsTried() {
        MigrationDriver driver = driver(command -> command.getTable().getTableName().equals("audit_logs_legacy")
                ? answer(command, OutcomeStatus.REJECTED, "none", "Nothing to roll back for this table").build()
                : answer(command, OutcomeStatus.FAILED, "swapped", "permission denied").build());

        List<TableMigration> results = MigrationDriver.each(List.of(LEGACY, CHAT, LEGACY), driver::rollback, false);

        assertThat(results).extracting(TableMigration::ending).containsExactly(TableMigration.Ending.DONE,
                TableMigration.Ending.FAILED, TableMigration.Ending.DONE);
        assertThat(results.get(0).note()).isEqualTo("nothing to roll back");
    }

    @Test
    void finalizeSendsOneCommandAndARefusalFails() {
        TableMigration done = driver(command -> answer(command, OutcomeStatus.SUCCEEDED, "finalized", "")
                .build()).finish(LEGACY);
        assertThat(done.ending()).isEqualTo(TableMigration.Ending.DONE);
        assertThat(sent).extracting(MigrationCommand::getStep).containsExactly(MigrationStep.FINALIZE);

        TableMigration refused = driver(command -> answer(command, OutcomeStatus.REJECTED, "verified",
                "only a swapped migration can be finalized").build()).finish(LEGACY);
        assertThat(refused.ending()).isEqualTo(TableMigration.Ending.FAILED);
    }

    @Test
    void rollbackDoneBeforeIsFine() {
        TableMigration result = driver(command -> answer(command, OutcomeStatus.ALREADY_APPLIED, "rolled_back", "")
                .build()).rollback(LEGACY);

        assertThat(result.ending()).isEqualTo(TableMigration.Ending.DONE);
        assertThat(result.note()).isEqualTo("already rolled back");
        assertThat(sent).extracting(MigrationCommand::getCommandId)
                .containsExactly("migrate_rollback:arxos/public.audit_logs_legacy:m-1");
    }

    @Test
    void statusTellsThePhaseAndTheRowsCopied() {
        TableMigration result = driver(command -> answer(command, OutcomeStatus.SUCCEEDED, "capturing", "")
                .setRowsCopied(49_200).setRowsEstimated(120_000).build()).status(LEGACY);

        assertThat(result.note()).isEqualTo("phase capturing, 49,200 of ~120,000 rows copied");
        assertThat(steps).containsExactly(
                "public.audit_logs_legacy status: SUCCEEDED (phase capturing, 49,200 of ~120,000 rows copied)");
    }

    @Test
    void aDryRunAsksForEveryStepsStatementsAndRunsNothing() {
        TableMigration result = driver(command -> answer(command, OutcomeStatus.DRY_RUN, "none", "")
                .setStatements(List.of("SELECT '" + command.getStep() + "'")).build()).dryRun(LEGACY);

        assertThat(sent).allMatch(MigrationCommand::getDryRun);
        assertThat(sent).extracting(MigrationCommand::getStep).containsExactly(MigrationStep.PREPARE,
                MigrationStep.CAPTURE, MigrationStep.COPY, MigrationStep.VERIFY, MigrationStep.SWAP,
                MigrationStep.FINALIZE, MigrationStep.ROLLBACK);
        assertThat(sent.get(0).getCommandId())
                .isEqualTo("migrate_prepare:arxos/public.audit_logs_legacy:m-1:dry-run-a1b2c3d4");
        assertThat(result.ending()).isEqualTo(TableMigration.Ending.DONE);
        assertThat(result.outcomes()).hasSize(7);
    }

    @Test
    void aDryRunTheExecutorRefusesFails() {
        TableMigration result = driver(command -> answer(command, command.getStep() == MigrationStep.SWAP
                ? OutcomeStatus.REJECTED : OutcomeStatus.DRY_RUN, "none", "no partitioned copy to swap").build())
                .dryRun(LEGACY);

        assertThat(result.ending()).isEqualTo(TableMigration.Ending.FAILED);
        assertThat(result.note()).isEqualTo("swap REJECTED: no partitioned copy to swap");
    }

    private MigrationDriver driver(Function<MigrationCommand, MigrationOutcome> executor) {
        MigrationGateway gateway = (command, timeout) -> {
            sent.add(command);
            return Optional.ofNullable(executor.apply(command));
        };
        return new MigrationDriver(gateway, MigrationFixtures.commands("m-1"), Duration.ofSeconds(60),
                new MigrationDriver.Listener() {
                    @Override
                    public void step(String line) {
                        steps.add(line);
                    }

                    @Override
                    public void progress(String line) {
                        progress.add(line);
                    }
                });
    }
}
