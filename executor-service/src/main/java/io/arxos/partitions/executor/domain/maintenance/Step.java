package io.arxos.partitions.executor.domain.maintenance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction of a command: SQL text rendered before it runs, the tables it will lock exclusively (so the runner
 * can probe for long-running lock holders first), and an optional precondition checked inside the transaction.
 *
 * @param movedRowsStatement index of the statement whose update count is the rows moved, or -1
 * @param retriableStates SQLSTATEs that, for this step only, mean "state changed, inspect again" (e.g. a row arriving
 *                        in the default partition during validation)
 * @param isFinal the step that completes the command; its ledger row marks the change applied
 */
public record Step(String name, List<String> statements, Set<String> exclusiveLocks,
        Optional<Precondition> precondition,
        int movedRowsStatement, Set<String> retriableStates, boolean isFinal) {

    public Step {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
        exclusiveLocks = Set.copyOf(exclusiveLocks);
        retriableStates = Set.copyOf(retriableStates);
    }

    /** A count query that must return zero, else the command is refused and the transaction rolled back. */
    public record Precondition(String countQuery, Rejection.Rule rule, String messageFormat) {
        public String message(long count) {
            return String.format(messageFormat, count);
        }
    }

    public static Step of(String name, List<String> statements, Set<String> exclusiveLocks) {
        return new Step(name, statements, exclusiveLocks, Optional.empty(), -1, Set.of(), false);
    }

    public Step asFinal() {
        return new Step(name, statements, exclusiveLocks, precondition, movedRowsStatement, retriableStates, true);
    }

    public Step withPrecondition(Precondition check) {
        return new Step(name, statements, exclusiveLocks, Optional.of(check), movedRowsStatement, retriableStates,
                isFinal);
    }

    public Step movingRowsIn(int statementIndex) {
        return new Step(name, statements, exclusiveLocks, precondition, statementIndex, retriableStates, isFinal);
    }

    public Step retriableOn(String... sqlStates) {
        return new Step(name, statements, exclusiveLocks, precondition, movedRowsStatement, Set.of(sqlStates),
                isFinal);
    }
}
