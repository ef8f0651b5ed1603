package io.arxos.partitions.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every topic's value schema must stay compatible both ways with its released copy: new readers read old data
 * (backward) and old readers read new data (forward). The fixtures prove the check bites.
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("src/test/resources/released/0.1.0");
    private static final Path INCOMPATIBLE = Path.of("src/test/resources/incompatible");
    private static final Map<String, Schema> RELEASED_TYPES = SchemaFiles.parseFolder(RELEASED);

    /** Topics added since the last release; they get a released copy with the next release. */
    private static final Set<TopicSpec<?>> UNRELEASED = Set.of(
            Topics.ANALYSIS_REQUESTS, Topics.TABLE_ANALYSES, Topics.ANALYSIS_RUNS, Topics.ANALYSIS_REPORTS,
            Topics.MIGRATION_COMMANDS, Topics.MIGRATION_OUTCOMES, Topics.BENCHMARK_REQUESTS, Topics.BENCHMARK_RUNS,
            Topics.BENCHMARK_COMMANDS, Topics.BENCHMARK_OUTCOMES, Topics.BENCHMARK_REPORTS, Topics.REPORT_PAGES);

    static Stream<TopicSpec<?>> topics() {
        return Topics.ALL.stream().filter(topic -> !UNRELEASED.contains(topic));
    }

    @Test
    void everyReleasedTopicKeepsItsReleasedCopy() {
        for (TopicSpec<?> topic : UNRELEASED) {
            assertThat(RELEASED_TYPES).as("%s is released; remove it from UNRELEASED", topic.name())
                    .doesNotContainKey(topic.valueType().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void currentSchemaReadsReleasedDataAndReleasedReadersReadCurrentData(TopicSpec<?> topic) throws Exception {
        Schema current = (Schema) topic.valueType().getField("SCHEMA$").get(null);
        Schema released = RELEASED_TYPES.get(current.getFullName());
        assertThat(released).as("released copy of %s", current.getFullName()).isNotNull();

        assertThat(compatibility(current, released)).as("backward: current reader, released writer")
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(compatibility(released, current)).as("forward: released reader, current writer")
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void reportsAFieldAddedWithoutDefaultAsIncompatible() {
        Schema changed = changedOutcome("CommandOutcome-field-without-default.avsc");
        Schema released = RELEASED_TYPES.get("io.arxos.partitions.events.CommandOutcome");

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(changed, released);
        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(result.getDescription()).contains("operator");
    }

    @Test
    void reportsAChangedFieldTypeAsIncompatibleBothWays() {
        Schema changed = changedOutcome("CommandOutcome-type-changed.avsc");
        Schema released = RELEASED_TYPES.get("io.arxos.partitions.events.CommandOutcome");

        assertThat(compatibility(changed, released)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(compatibility(released, changed)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    /** A changed CommandOutcome, parsed against the released versions of every type it uses. */
    private static Schema changedOutcome(String fixture) {
        Map<String, Schema> others = new HashMap<>(RELEASED_TYPES);
        others.remove("io.arxos.partitions.events.CommandOutcome");
        return SchemaFiles.parseWith(others, INCOMPATIBLE.resolve(fixture));
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }
}
