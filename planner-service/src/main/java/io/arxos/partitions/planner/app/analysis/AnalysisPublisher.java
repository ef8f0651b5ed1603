package io.arxos.partitions.planner.app.analysis;

/** Publishes an analysis (every table's analysis and the summary) as one atomic unit. */
public interface AnalysisPublisher {

    void publish(AnalysisResult result);
}
