package io.arxos.partitions.executor.postgres.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.executor.domain.benchmark.PlanFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Golden plans from PostgreSQL 15 (a 3-partition table and a plain copy of it, 95,000 rows). */
class ExplainReaderTest {

    @Test
    void aPrunedRangeOnAPartitionedTableReadsOnePartition() {
        PlanFacts facts = ExplainReader.read(plan("partitioned-pruned"), "logs");

        assertThat(facts.partitionsScanned()).isEqualTo(1);
        assertThat(facts.partitionsPrunedAtRunTime()).isZero();
        assertThat(facts.scanNodes()).containsExactly("Index Only Scan on logs_p2026_11 using "
                + "logs_p2026_11_created_at_idx");
        assertThat(facts.sharedHitBlocks() + facts.sharedReadBlocks()).isPositive();
    }

    @Test
    void aPlainTableHasNoPartitionsToScan() {
        PlanFacts facts = ExplainReader.read(plan("plain-index"), "logs_plain");

        assertThat(facts.partitionsScanned()).isZero();
        assertThat(facts.scanNodes()).singleElement().asString().startsWith("Index Only Scan on logs_plain");
    }

    @Test
    void aQueryOverEverythingScansEveryPartition() {
        PlanFacts facts = ExplainReader.read(plan("partitioned-all"), "logs");

        assertThat(facts.partitionsScanned()).isEqualTo(3);
        assertThat(facts.scanNodes()).hasSize(3).allMatch(n -> n.startsWith("Seq Scan on logs_p2026_"));
    }

    @Test
    void runTimePruningIsCountedFromSubplansRemoved() {
        PlanFacts facts = ExplainReader.read(plan("partitioned-runtime-pruned"), "logs");

        assertThat(facts.partitionsPrunedAtRunTime()).isEqualTo(2);
        assertThat(facts.partitionsScanned()).isEqualTo(1);
    }

    @Test
    void withPruningOffTheSameRangeVisitsEveryPartition() {
        PlanFacts facts = ExplainReader.read(plan("partitioned-pruning-off"), "logs");

        assertThat(facts.partitionsScanned()).isEqualTo(3);
    }

    @Test
    void outputThatIsNotAPlanIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ExplainReader.read("[{}]", "logs")).hasMessageContaining("no Plan");
        assertThatThrownBy(() -> ExplainReader.read("not json", "logs")).hasMessageContaining("not JSON");
    }

    private static String plan(String name) {
        try (InputStream in = ExplainReaderTest.class.getResourceAsStream("/explain/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
