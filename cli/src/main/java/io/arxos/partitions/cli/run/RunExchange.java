package io.arxos.partitions.cli.run;

import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.schemas.TopicSpec;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one kind of run (maintenance, analysis, …) tells the shared send-and-wait: where its request goes, where the
 * planner's answer (the run as planned) and the reporter's report come back, and how to speak of them. Every record
 * carries the run id in its envelope, which is how answers are matched to the request.
 *
 * @param waiting the progress line once the request is out, e.g. "waiting for the planner"
 * @param planned the progress line once the plan arrived, e.g. "planned 12 commands over 2 database(s)"
 * @param paging where a large report's pages come, or null when the kind's reports are never paged
 * @param runTime the time the plan gives the run (from its publication to its deadline), or null when the kind's
 *     plans have no deadline; once the plan is in, the wait for the report ends that long after it, plus a margin
 * @param <R> the request
 * @param <P> the planner's answer
 * @param <A> the reporter's report
 */
public record RunExchange<R extends SpecificRecord, P extends SpecificRecord, A extends SpecificRecord>(
        TopicSpec<R> requests, TopicSpec<P> plans, TopicSpec<A> reports, Function<R, String> waiting,
        Function<P, String> planned, Function<A, String> markdown, Function<A, String> json,
        ToIntFunction<A> exitCode, Paging<A> paging, Function<P, Duration> runTime) {

    /** A kind whose reports always fit one record and whose plans carry no deadline. */
    public RunExchange(TopicSpec<R> requests, TopicSpec<P> plans, TopicSpec<A> reports, Function<R, String> waiting,
            Function<P, String> planned, Function<A, String> markdown, Function<A, String> json,
            ToIntFunction<A> exitCode) {
        this(requests, plans, reports, waiting, planned, markdown, json, exitCode, null, null);
    }

    /** This kind, with its reports' pages on {@code paging}'s topic and its wait set by the plan's deadline. */
    public RunExchange<R, P, A> paged(Paging<A> pages, Function<P, Duration> planned) {
        return new RunExchange<>(requests, plans, reports, waiting, this.planned, markdown, json, exitCode, pages,
                planned);
    }

    /** Where the pages of a report come and how many of each rendering it has (0: the report holds all of it). */
    public record Paging<A>(TopicSpec<RunReportPage> topic, ToIntFunction<A> markdownPages,
            ToIntFunction<A> jsonPages) {
    }
}
