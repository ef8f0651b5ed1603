package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.domain.AnalysedRun;
import io.arxos.partitions.reporter.domain.AnalysedTable;

/** What the analysis report processor consumes, keyed by analysis id: the run summary or one table analysis. */
sealed interface AnalysisEvent permits AnalysisEvent.RunArrived, AnalysisEvent.TableArrived {

    String analysisId();

    /** The analysis' run summary arrived. */
    record RunArrived(AnalysedRun run) implements AnalysisEvent {
        @Override
        public String analysisId() {
            return run.analysisId();
        }
    }

    /** One table analysis arrived; also the value of the repartition topic that co-locates it with its run. */
    record TableArrived(String analysisId, AnalysedTable table) implements AnalysisEvent {
    }
}
