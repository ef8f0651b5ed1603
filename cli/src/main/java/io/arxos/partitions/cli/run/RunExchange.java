package io.arxos.partitions.cli.run;

import io.arxos.partitions.schemas.TopicSpec;
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
 * @param <R> the request
 * @param <P> the planner's answer
 * @param <A> the reporter's report
 */
public record RunExchange<R extends SpecificRecord, P extends SpecificRecord, A extends SpecificRecord>(
        TopicSpec<R> requests, TopicSpec<P> plans, TopicSpec<A> reports, Function<R, String> waiting,
        Function<P, String> planned, Function<A, String> markdown, Function<A, String> json,
        ToIntFunction<A> exitCode) {
}
