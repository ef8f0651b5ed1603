package io.arxos.partitions.reporter.app.run;

import java.util.List;
import java.util.Set;

/**
 * A run's report as records to forward (the report keyed by run id, alerts keyed by their own key), the alerts it
 * raised for the first time, and its exit code.
 */
public record Settlement<O>(List<Keyed<O>> records, Set<String> newAlerts, int exitCode) {

    public Settlement {
        records = List.copyOf(records);
        newAlerts = Set.copyOf(newAlerts);
    }

    /** A report and nothing else: one record keyed by the run's id, no alerts. */
    public static <O> Settlement<O> report(String runId, O report, int exitCode) {
        return new Settlement<>(List.of(new Keyed<>(runId, report)), Set.of(), exitCode);
    }

    /** One record to forward. */
    public record Keyed<O>(String key, O value) {
    }
}
