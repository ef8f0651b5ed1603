package io.arxos.partitions.serde;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's three subject name strategies, selected by Confluent's class names so the same
 * {@code key/value.subject.name.strategy} values work with either serializer.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (Confluent's default). */
    TOPIC_NAME("io.confluent.kafka.serializers.subject.TopicNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one lineage per record type, shared by all topics. */
    RECORD_NAME("io.confluent.kafka.serializers.subject.RecordNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return namedType(schema);
        }
    },
    /** {@code <topic>-<record full name>}: several record types per topic, each with its own lineage. */
    TOPIC_RECORD_NAME("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy") {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic + "-" + namedType(schema);
        }
    };

    private final String confluentClassName;

    SubjectNameStrategy(String confluentClassName) {
        this.confluentClassName = confluentClassName;
    }

    /** The subject under which a key or value of {@code schema} written to {@code topic} is registered. */
    public abstract String subjectName(String topic, boolean isKey, Schema schema);

    /** The Confluent class name that selects this strategy. */
    public String confluentClassName() {
        return confluentClassName;
    }

    static SubjectNameStrategy forClassName(String property, String className) {
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.confluentClassName.equals(className.trim())) {
                return strategy;
            }
        }
        String supported = Arrays.stream(values()).map(s -> s.confluentClassName).collect(Collectors.joining(", "));
        throw new ConfigException(property, className, "unknown subject name strategy; supported: " + supported);
    }

    private static String namedType(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> throw new SerializationException("record name strategies need a record, enum or fixed schema"
                    + " to name the subject, got " + schema.getType().getName());
        };
    }
}
