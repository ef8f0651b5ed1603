package io.arxos.partitions.executor.domain.maintenance;

import java.util.List;

/** What a command comes to once the table has been inspected: nothing to do, a refusal, or steps to run. */
public sealed interface Procedure {

    /** The change is already in effect; no SQL runs. */
    record AlreadyApplied(String detail) implements Procedure {
    }

    /** The table's state forbids the change; no SQL runs. */
    record Refused(Rejection rejection) implements Procedure {
    }

    /**
     * Steps to run in order, each its own transaction; {@code compensation} undoes what a half-finished run would
     * leave in the way of writers (e.g. an exclusion constraint on the default partition) if the command fails.
     */
    record Steps(List<Step> steps, List<String> compensation) implements Procedure {
        public Steps {
            steps = List.copyOf(steps);
            compensation = List.copyOf(compensation);
        }

        public List<String> allStatements() {
            return steps.stream().flatMap(s -> s.statements().stream()).toList();
        }
    }
}
