package io.arxos.partitions.reporter.kafka.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.reporter.domain.analysis.AdviceKind;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.AnalysisPriority;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.kafka.AnalysisAvroEvents;
import org.junit.jupiter.api.Test;

class AnalysisEventMapperTest {

    @Test
    void mapsEveryFieldOfATableAnalysis() {
        for (AnalysedTable table : SampleAnalyses.tables()) {
            assertThat(AnalysisEventMapper.table(AnalysisAvroEvents.table(SampleAnalyses.ANALYSIS, table)))
                    .isEqualTo(table);
        }
    }

    @Test
    void mapsTheRunSummaryWithItsDatabasesAndTheRequestTime() {
        assertThat(AnalysisEventMapper.run(AnalysisAvroEvents.run(SampleAnalyses.run())))
                .isEqualTo(SampleAnalyses.run());
        assertThat(AnalysisEventMapper.run(AnalysisAvroEvents.run(SampleAnalyses.refused("r", "bad selection")))
                .error()).isEqualTo("bad selection");
    }

    @Test
    void readsSymbolsFromANewerPlannerAsUnknown() {
        TableAnalysis event = AnalysisAvroEvents.table(SampleAnalyses.ANALYSIS, SampleAnalyses.events());
        event.getRecommendation().setPriority(io.arxos.partitions.events.AnalysisPriority.UNKNOWN);
        event.getRecommendation().getAdvice().get(0).setKind(io.arxos.partitions.events.AdviceKind.UNKNOWN);

        AnalysedTable table = AnalysisEventMapper.table(event);

        assertThat(table.priority()).isEqualTo(AnalysisPriority.UNKNOWN);
        assertThat(table.recommendation().advice().get(0).kind()).isEqualTo(AdviceKind.UNKNOWN);
    }
}
