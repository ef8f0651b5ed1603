package io.arxos.partitions.reporter.app.run;

import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunMember;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What one kind of run (maintenance, analysis, …) supplies to the shared aggregation (the Kafka Streams processor {@code RunAssembly}): how to
 * what the plan announces, and its report. Everything else (state, duplicates,
 * completion, deadlines, retention) is the assembly's.
 *
 * @param <P> the plan (the run's first event)
 * @param <I> one item (a command's outcome, a table's analysis)
 * @param <O> what the assembly forwards (reports, alerts)
 */
public interface RunKind<P extends RunMember.Plan, I extends RunMember.Item, O> {

    /** How logs name a run of this kind: "run", "analysis". */
    String noun();

    /** The items the plan promises and the deadline, the plan having arrived at {@code now}. */
    Announcement announce(P plan, Instant now);

    /**
     * The report of the run with the items in so far and the records to forward for it.
     *
     * @param progress the run's progress, including the alerts already sent
     * @param ahead takes records to forward at once, ahead of the settlement's (the pages of a large report), so
     *     they need not all be held
     */
    Settlement<O> settle(P plan, RunItems<I> items, RunProgress progress, ReportStatus status, Instant now,
            Consumer<Settlement.Keyed<O>> ahead);

    /**
     * A small report saying the run's report could not be built and why ({@code reason}); built from the plan and
     * the counts alone, so it cannot fail the way the report did.
     */
    Settlement<O> unreportable(P plan, RunProgress progress, String reason, Instant now);

    /** A report went out (metrics); must be cheap and must not throw. */
    void reported(String runId, ReportStatus status, int exitCode);
}
