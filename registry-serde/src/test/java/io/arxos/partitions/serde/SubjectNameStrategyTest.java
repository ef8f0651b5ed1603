package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private static final String PACKAGE = "io.confluent.kafka.serializers.subject.";

    @Test
    void topicNameStrategySuffixesKeyOrValue() {
        assertThat(SubjectNameStrategy.TOPIC_NAME.subjectName("orders", true, Samples.SAMPLE_V1))
                .isEqualTo("orders-key");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subjectName("orders", false, Samples.SAMPLE_V1))
                .isEqualTo("orders-value");
    }

    @Test
    void recordNameStrategyUsesTheRecordFullNameWhateverTheTopic() {
        assertThat(SubjectNameStrategy.RECORD_NAME.subjectName("orders", false, Samples.SAMPLE_V1))
                .isEqualTo("io.arxos.partitions.serde.fixtures.SampleEvent");
    }

    @Test
    void topicRecordNameStrategyJoinsTopicAndRecordFullName() {
        assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subjectName("orders", true, Samples.SAMPLE_V1))
                .isEqualTo("orders-io.arxos.partitions.serde.fixtures.SampleEvent");
    }

    @Test
    void recordNameStrategiesRefuseUnnamedTypes() {
        assertThatThrownBy(() -> SubjectNameStrategy.RECORD_NAME.subjectName("t", false,
                Schema.create(Schema.Type.STRING)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got string");
    }

    @Test
    void isChosenByConfluentClassNamePerKeyOrValue() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Samples.config("mock://x",
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, PACKAGE + "RecordNameStrategy",
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, PACKAGE + "TopicRecordNameStrategy"));

        assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.RECORD_NAME);
        assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
    }

    @Test
    void defaultsToTopicNameStrategy() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Samples.config("mock://x"));

        assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(SubjectNameStrategy.TOPIC_NAME.confluentClassName()).isEqualTo(PACKAGE + "TopicNameStrategy");
    }

    @Test
    void rejectsAnUnknownStrategyNamingItAndTheProperty() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("mock://x",
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.MyStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("com.example.MyStrategy")
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining(PACKAGE + "TopicRecordNameStrategy");
    }
}
