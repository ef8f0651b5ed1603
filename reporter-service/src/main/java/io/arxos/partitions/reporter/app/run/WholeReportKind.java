package io.arxos.partitions.reporter.app.run;

import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunMember;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A kind whose report is built from all its items at once and is one record, nothing else (analyses, benchmarks:
 * one item per table, few enough to hold): it supplies the report, the assembly's settlements follow from it.
 *
 * @param <C> the composed (rendered) report
 */
public interface WholeReportKind<P extends RunMember.Plan, I extends RunMember.Item, C> extends RunKind<P, I, C> {

    /**
     * The report of {@code items} with {@code status}; {@code failure} (or null) says why it could not be built
     * from its items, which are then none.
     */
    C compose(P plan, List<I> items, ReportStatus status, Instant now, String failure);

    /** The run's id, which keys its report. */
    String runId(P plan);

    int exitCode(C report);

    /** The UTF-8 bytes of the report's renderings, which travel in its one record. */
    long textBytes(C report);

    /** The most {@link #textBytes} one record may carry. */
    long maxTextBytes();

    /**
     * The report of the items; one too large for its record (which would fail the stream's transaction on every
     * replay) is replaced by a small one saying so.
     */
    @Override
    default Settlement<C> settle(P plan, RunItems<I> items, RunProgress progress, ReportStatus status, Instant now,
            Consumer<Settlement.Keyed<C>> ahead) {
        C report = compose(plan, items.all(), status, now, null);
        long bytes = textBytes(report);
        if (bytes > maxTextBytes()) {
            return unreportable(plan, progress, "it is " + bytes + " bytes of text, more than one record carries ("
                    + maxTextBytes() + ")", now);
        }
        return Settlement.report(runId(plan), report, exitCode(report));
    }

    @Override
    default Settlement<C> unreportable(P plan, RunProgress progress, String reason, Instant now) {
        C report = compose(plan, List.of(), ReportStatus.INCOMPLETE, now, "the report of this " + noun()
                + " could not be built (" + reason + ")");
        return Settlement.report(runId(plan), report, exitCode(report));
    }
}
