package io.arxos.partitions.reporter.kafka.run;

/** What a run assembly consumes, keyed by run id: the run's plan or one of its items. */
public sealed interface RunEvent<P, I> permits RunEvent.PlanArrived, RunEvent.ItemArrived {

    /** The run's plan arrived. */
    record PlanArrived<P, I>(P plan) implements RunEvent<P, I> {
    }

    /** One item of run {@code runId} arrived. */
    record ItemArrived<P, I>(String runId, I item) implements RunEvent<P, I> {
    }
}
