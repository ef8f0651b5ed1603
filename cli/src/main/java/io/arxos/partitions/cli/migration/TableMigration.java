package io.arxos.partitions.cli.migration;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What partctl did to one table: the executor's answers in the order they came and how it ended. */
public record TableMigration(TableKey table, String partitionKey, List<MigrationOutcome> outcomes, Ending ending,
        String note) {

    /** How the table's part of the command ended. */
    public enum Ending {
        /** Every step went well (for a check: the tables are equal). */
        DONE,
        /** VERIFY found months that differ. */
        DIFFERENCES,
        /** A step FAILED or was REJECTED. */
        FAILED,
        /** A step had no answer within the timeout. */
        NO_ANSWER,
        /** Not started because an earlier table stopped the command. */
        NOT_STARTED
    }

    public TableMigration {
        Objects.requireNonNull(table, "table");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(ending, "ending");
    }

    /** The answers to {@code step}, in order (several for COPY). */
    public List<MigrationOutcome> of(MigrationStep step) {
        return outcomes.stream().filter(o -> o.getStep() == step).toList();
    }

    /** The last answer to {@code step}. */
    public Optional<MigrationOutcome> last(MigrationStep step) {
        List<MigrationOutcome> answers = of(step);
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
    }

    /** The migration's state after the last answer, or empty when none came. */
    public Optional<String> phase() {
        return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.get(outcomes.size() - 1).getPhase());
    }
}
